/** Log / linear switch for a chart's y axis, as two radio-like buttons. */
import { useT } from '../i18n';

export type YScale = 'log' | 'linear';

const Y_SCALES: readonly YScale[] = ['log', 'linear'];

export function ScaleToggle({
  value,
  onChange,
  label,
}: {
  value: YScale;
  onChange: (s: YScale) => void;
  label: string;
}) {
  const t = useT('charts');
  return (
    <div className="scale-toggle" role="group" aria-label={t('scale.group', { label })}>
      {Y_SCALES.map((s) => (
        <button key={s} type="button" aria-pressed={value === s} onClick={() => onChange(s)}>
          {t(s === 'log' ? 'scale.log' : 'scale.linear')}
        </button>
      ))}
    </div>
  );
}

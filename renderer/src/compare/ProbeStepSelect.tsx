/** Which probe the Gradient flow chart shows (latest, or the one nearest a step) and which layer. */
import { updateCompareSettings } from './compare-settings';
import { useT } from '../i18n';
import type { ProbeChoice } from './useProfiles';

/** A select with thousands of options is unusable: keep at most this many, evenly spaced, plus the last. */
const MAX_OPTIONS = 200;

export function ProbeStepSelect({
  steps,
  value,
  layers,
  layer,
}: {
  steps: readonly number[];
  value: ProbeChoice;
  layers: number;
  layer: number;
}) {
  const t = useT('compare');
  const stride = Math.max(1, Math.ceil(steps.length / MAX_OPTIONS));
  const shown = steps.filter((_, i) => i % stride === 0 || i === steps.length - 1);
  if (typeof value === 'number' && !shown.includes(value)) shown.push(value);
  shown.sort((a, b) => a - b);
  return (
    <>
      <label>
        {t('probe.label')}{' '}
        <select
          value={String(value)}
          onChange={(e) =>
            updateCompareSettings({ probe: e.target.value === 'latest' ? 'latest' : Number(e.target.value) })
          }
        >
          <option value="latest">{t('probe.latest')}</option>
          {shown.map((s) => (
            <option key={s} value={s}>
              {t('probe.step', { step: s })}
            </option>
          ))}
        </select>
      </label>
      {layers > 1 && (
        <label>
          {t('probe.layer')}{' '}
          <select value={layer} onChange={(e) => updateCompareSettings({ layer: Number(e.target.value) })}>
            {Array.from({ length: layers }, (_, i) => (
              <option key={i} value={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

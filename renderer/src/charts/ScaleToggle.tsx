/** Log / linear switch for a chart's y axis, as two radio-like buttons. */
export type YScale = 'log' | 'linear';

export function ScaleToggle({
  value,
  onChange,
  label,
}: {
  value: YScale;
  onChange: (s: YScale) => void;
  label: string;
}) {
  return (
    <div className="scale-toggle" role="group" aria-label={`${label} y axis`}>
      {(['log', 'linear'] as const).map((s) => (
        <button key={s} type="button" aria-pressed={value === s} onClick={() => onChange(s)}>
          {s}
        </button>
      ))}
    </div>
  );
}

/** Controls shared by every Compare chart: seed grouping, smoothing and the x axis. */
import { useId } from 'react';
import type { GroupMode, XMode } from './chart-model';
import { updateCompareSettings, type CompareSettings } from './compare-settings';

export function CompareControls({ settings, canGroup }: { settings: CompareSettings; canGroup: boolean }) {
  const smoothId = useId();
  return (
    <div className="compare-controls" role="group" aria-label="Chart options">
      <label>
        Seeds{' '}
        <select value={settings.group} onChange={(e) => updateCompareSettings({ group: e.target.value as GroupMode })}>
          <option value="none">Each run separately</option>
          <option value="std">Mean ± std over seeds</option>
          <option value="minmax">Mean, min–max over seeds</option>
        </select>
      </label>
      {!canGroup && settings.group !== 'none' && (
        <span className="muted">No two runs share a spec: nothing to group.</span>
      )}
      <span className="control-slider">
        <label htmlFor={smoothId}>Smoothing</label>
        <input
          id={smoothId}
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={settings.smoothing}
          onChange={(e) => updateCompareSettings({ smoothing: Number(e.target.value) })}
        />
        <output htmlFor={smoothId} className="mono">
          {settings.smoothing === 0 ? 'off' : settings.smoothing.toFixed(2)}
        </output>
      </span>
      <fieldset className="control-radio">
        <legend>X axis</legend>
        {(
          [
            ['step', 'Step'],
            ['wall', 'Wall time'],
          ] as [XMode, string][]
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="compare-x"
              checked={settings.x === value}
              onChange={() => updateCompareSettings({ x: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

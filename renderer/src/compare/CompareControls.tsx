/** Controls shared by every Compare chart: seed grouping, smoothing and the x axis. */
import { useId } from 'react';
import type { GroupMode, XMode } from './chart-model';
import { updateCompareSettings, type CompareSettings } from './compare-settings';
import { useT } from '../i18n';

const X_MODES = [
  ['step', 'controls.xStep'],
  ['wall', 'controls.xWall'],
] as const satisfies readonly (readonly [XMode, string])[];

export function CompareControls({ settings, canGroup }: { settings: CompareSettings; canGroup: boolean }) {
  const t = useT('compare');
  const smoothId = useId();
  return (
    <div className="compare-controls" role="group" aria-label={t('controls.group')}>
      <label>
        {t('controls.seeds')}{' '}
        <select value={settings.group} onChange={(e) => updateCompareSettings({ group: e.target.value as GroupMode })}>
          <option value="none">{t('controls.seedsNone')}</option>
          <option value="std">{t('controls.seedsStd')}</option>
          <option value="minmax">{t('controls.seedsMinmax')}</option>
        </select>
      </label>
      {!canGroup && settings.group !== 'none' && <span className="muted">{t('controls.nothingToGroup')}</span>}
      <span className="control-slider">
        <label htmlFor={smoothId}>{t('controls.smoothing')}</label>
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
          {settings.smoothing === 0 ? t('controls.smoothingOff') : settings.smoothing.toFixed(2)}
        </output>
      </span>
      <fieldset className="control-radio">
        <legend>{t('controls.xAxis')}</legend>
        {X_MODES.map(([value, key]) => (
          <label key={value}>
            <input
              type="radio"
              name="compare-x"
              checked={settings.x === value}
              onChange={() => updateCompareSettings({ x: value })}
            />
            {t(key)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** The gradient-flow chart with a slider over the probe steps: it follows the latest probe until moved. */
import { useState } from 'react';
import type { GradientProfile } from '../../../core/api';
import { GradientFlowChart } from '../charts/GradientFlowChart';
import { seriesColor } from '../../../core/shared/palette';
import { useT } from '../i18n';

export interface GradientFlowPanelProps {
  runId: string;
  runName: string;
  profiles: GradientProfile[];
  emptyText?: string;
  /** Which batch the run's probes read (probe.source), named in the subtitle. */
  source?: string;
}

export function GradientFlowPanel({ runId, runName, profiles, emptyText, source }: GradientFlowPanelProps) {
  // null: follow the newest probe; a step: stay on it while new probes arrive.
  const t = useT('live');
  const [pinned, setPinned] = useState<number | null>(null);
  const n = profiles.length;
  const pinnedIndex = pinned === null ? -1 : profiles.findIndex((p) => p.step === pinned);
  const index = pinnedIndex >= 0 ? pinnedIndex : n - 1;
  const profile = profiles[index];

  const slider =
    n > 1 ? (
      <div className="probe-slider">
        <label htmlFor={`probe-step-${runId}`}>{t('probe.step')}</label>
        <input
          id={`probe-step-${runId}`}
          type="range"
          min={0}
          max={n - 1}
          step={1}
          value={index}
          aria-valuetext={
            index === n - 1
              ? t('probe.valueLatest', { step: profile?.step ?? '' })
              : t('probe.value', { step: profile?.step ?? '' })
          }
          onChange={(e) => {
            const i = Number(e.target.value);
            setPinned(i === n - 1 ? null : (profiles[i]?.step ?? null));
          }}
        />
        <button type="button" disabled={pinned === null} onClick={() => setPinned(null)}>
          {t('probe.latest')}
        </button>
      </div>
    ) : null;

  return (
    <GradientFlowChart
      profiles={profile ? [{ id: runId, label: runName, color: seriesColor(0), profile }] : []}
      controls={slider}
      {...(emptyText ? { emptyText } : {})}
      {...(source ? { source } : {})}
      exportRequest={{ chart: 'profile', runIds: [runId], title: t('chart.flow'), view: { step: profile?.step } }}
    />
  );
}

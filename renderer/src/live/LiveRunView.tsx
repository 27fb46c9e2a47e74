/**
 * The Live run tab: one run followed as it trains (or a stored run as it ended). For a sweep, a picker
 * chooses which of its runs to follow.
 */
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../core/api';
import { getLab } from '../api/lab';
import { useRunStream } from './useRunStream';
import { RunHeader } from './RunHeader';
import { LiveCharts } from './LiveCharts';
import { useT } from '../i18n';

export interface LiveRunViewProps {
  runIds: string[];
  sweepId?: string;
  /** False while another tab is shown: events accumulate without drawing. */
  active?: boolean;
}

export function LiveRunView({ runIds, sweepId, active = true }: LiveRunViewProps) {
  const t = useT('live');
  const [runId, setRunId] = useState(runIds[0] ?? null);
  useEffect(() => setRunId(runIds[0] ?? null), [runIds]);
  const { buffer, loading, error } = useRunStream(runId, active);

  return (
    <div className="live">
      {runIds.length > 1 && <SweepPicker runIds={runIds} sweepId={sweepId} runId={runId} onPick={setRunId} />}
      {error && (
        <p role="alert" className="banner banner-error">
          {t('loadError', { message: error })}
        </p>
      )}
      {buffer && (
        <>
          <RunHeader buffer={buffer} />
          {loading && !buffer.run ? (
            <p className="muted">{t('loadingHistory')}</p>
          ) : (
            <LiveCharts key={buffer.runId} buffer={buffer} />
          )}
        </>
      )}
    </div>
  );
}

function SweepPicker({
  runIds,
  sweepId,
  runId,
  onPick,
}: {
  runIds: string[];
  sweepId: string | undefined;
  runId: string | null;
  onPick: (id: string) => void;
}) {
  const t = useT('live');
  const [names, setNames] = useState<Map<string, RunSummary>>(new Map());
  useEffect(() => {
    if (!sweepId) return;
    let live = true;
    getLab()
      .listRuns({ sweepId, limit: 1000, sort: 'createdAt', order: 'asc' })
      .then((r) => live && setNames(new Map(r.runs.map((x) => [x.id, x]))))
      .catch(() => {
        // Names are a nicety: without them the picker shows run ids.
      });
    return () => {
      live = false;
    };
  }, [sweepId]);
  return (
    <div className="sweep-picker">
      <label htmlFor="sweep-run">{t('sweep.pick')}</label>
      <select id="sweep-run" value={runId ?? ''} onChange={(e) => onPick(e.target.value)}>
        {runIds.map((id, i) => {
          const r = names.get(id);
          return (
            <option key={id} value={id}>
              {r
                ? t('sweep.option', { n: i + 1, name: r.name, cell: r.cell, activation: r.activation, seed: r.seed })
                : t('sweep.optionId', { n: i + 1, id })}
            </option>
          );
        })}
      </select>
      <span className="muted">{t('sweep.note', { count: runIds.length })}</span>
    </div>
  );
}

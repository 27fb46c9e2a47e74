/**
 * The Compare tab: the chosen runs' curves overlaid (loss, gradient norm, horizon) and their gradient
 * profiles, seeds optionally pooled into mean ± band, and a table of what differs between the runs.
 */
import { useMemo } from 'react';
import type { RunSummary } from '../../../core/api/records';
import { ChartPanel } from './ChartPanel';
import { metricCurves, profileCurves, seedGroups, type CurveRun, type PlotSeries } from './chart-model';
import { lineStyle } from '../../../core/shared/palette';
import { CompareControls } from './CompareControls';
import { updateCompareSettings, useCompareSettings } from './compare-settings';
import { OverlayChart, type ChartMarker } from './OverlayChart';
import { ProbeStepSelect } from './ProbeStepSelect';
import { RunChips } from './RunChips';
import { SpecDiffTable } from './SpecDiffTable';
import { useCompareData } from './useCompareData';
import { probeSteps, useProfiles } from './useProfiles';
import '../runs/runs.css';
import './compare.css';

export interface CompareViewProps {
  /** The window's one selection (the runs ticked in Runs), in the order they were ticked. */
  runs: readonly { id: string; name: string }[];
  onRunsChange: (runs: { id: string; name: string }[]) => void;
}

const LOSS_LABEL = { loss: 'train', heldoutLoss: 'held-out' } as const;

/** Clip threshold of a run clipping by norm, from its summary's clip text ("norm 1"), as the figures read it. */
function clipThreshold(runs: readonly CurveRun[]): number | undefined {
  for (const r of runs) {
    const m = /norm\D*?(\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(r.summary.clip);
    if (m && Number(m[1]) > 0) return Number(m[1]);
  }
  return undefined;
}

function Empty({ children }: { children: string }) {
  return <p className="chart-empty">{children}</p>;
}

export function CompareView({ runs: selection, onRunsChange }: CompareViewProps) {
  const runIds = useMemo(() => selection.map((r) => r.id), [selection]);
  const settings = useCompareSettings();
  const data = useCompareData(runIds, null);
  const runs: CurveRun[] = useMemo(() => data.runs.map((r) => ({ summary: r.detail, series: r.series })), [data.runs]);
  const ids = data.runs.map((r) => r.id);
  const profiles = useProfiles(data.runs, settings.probe);
  const grouped = settings.group !== 'none';
  const canGroup = seedGroups(runs).some((g) => g.length > 1);
  const xLabel = settings.x === 'wall' ? 'wall time (s)' : 'training step';

  const curves = useMemo(() => {
    const opts = { smoothing: settings.smoothing, group: settings.group, x: settings.x };
    const loss = metricCurves(
      runs,
      settings.lossMetrics.map((m) => ({ metric: m, label: LOSS_LABEL[m] })),
      opts,
    );
    const gradnorm = metricCurves(runs, [{ metric: 'gradNorm', label: 'gradient norm' }], opts);
    const horizon = metricCurves(runs, [{ metric: 'horizon', label: 'horizon' }], opts);
    return { loss, gradnorm, horizon };
  }, [runs, settings.lossMetrics, settings.smoothing, settings.group, settings.x]);
  const profileSeries: PlotSeries[] = useMemo(
    () =>
      profileCurves(
        data.runs.map((r) => ({ summary: r.detail, profile: profiles.get(r.id) })),
        settings.layer,
        settings.group,
      ),
    [data.runs, profiles, settings.layer, settings.group],
  );

  // Divergence markers sit at training steps; on a wall-time axis there is no honest place for them.
  const markers: ChartMarker[] =
    settings.x === 'step' && !grouped
      ? runs.flatMap((r, i) =>
          r.summary.divergence
            ? [{ x: r.summary.divergence.step, label: `${r.summary.name} diverged`, color: lineStyle(i).color }]
            : [],
        )
      : [];
  const clip = clipThreshold(runs);
  const allProbeSteps = useMemo(() => [...new Set(data.runs.flatMap(probeSteps))].sort((a, b) => a - b), [data.runs]);
  const maxLayers = Math.max(1, ...data.runs.map((r) => r.detail.spec?.model.layers ?? 1));
  const setLog = (k: keyof typeof settings.logY) => (v: boolean) =>
    updateCompareSettings({ logY: { ...settings.logY, [k]: v } });
  const chips = runIds.map((id) => {
    const r = data.runs.find((x) => x.id === id);
    const known = selection.find((x) => x.id === id)?.name;
    return {
      id,
      name: r?.detail.name ?? (data.errors.has(id) ? `${known ?? id} (unavailable)` : (known ?? '…')),
      status: r?.detail.status,
    };
  });
  const addRun = (r: RunSummary) => !runIds.includes(r.id) && onRunsChange([...selection, { id: r.id, name: r.name }]);
  const loading = data.loading && !data.runs.length;

  if (runIds.length === 0) {
    return (
      <section className="compare-view compare-empty" aria-label="Compare">
        <h2>Nothing to compare yet</h2>
        <p>
          In the <em>Runs</em> tab, tick the runs you want (their <em>Select</em> boxes): the ticked runs show here. Or
          add runs here by name.
        </p>
        <RunChips runs={[]} onRemove={() => undefined} onAdd={addRun} showStyles />
      </section>
    );
  }

  return (
    <section className="compare-view" aria-label="Compare">
      <RunChips
        runs={chips}
        onRemove={(id) => onRunsChange(selection.filter((x) => x.id !== id))}
        onAdd={addRun}
        showStyles={!grouped}
      />
      {[...data.errors].map(([id, msg]) => (
        <p key={id} role="alert" className="form-error">{`Run ${id}: ${msg}`}</p>
      ))}
      <CompareControls settings={settings} canGroup={canGroup} />
      <div className="chart-grid">
        <ChartPanel
          title="Loss"
          chart="loss"
          runIds={ids}
          logY={settings.logY.loss}
          onLogY={setLog('loss')}
          exportDefaults={{
            metrics: settings.lossMetrics,
            groupSeeds: grouped,
            band: settings.group === 'minmax' ? 'minmax' : 'std',
            xAxis: settings.x,
            smoothing: settings.smoothing,
            logY: settings.logY.loss,
          }}
          options={(['loss', 'heldoutLoss'] as const).map((m) => (
            <label key={m}>
              <input
                type="checkbox"
                checked={settings.lossMetrics.includes(m)}
                // At least one curve stays: an empty loss chart helps no one.
                disabled={settings.lossMetrics.length === 1 && settings.lossMetrics.includes(m)}
                onChange={(e) =>
                  updateCompareSettings({
                    lossMetrics: (['loss', 'heldoutLoss'] as const).filter((x) =>
                      x === m ? e.target.checked : settings.lossMetrics.includes(x),
                    ),
                  })
                }
              />
              {m === 'loss' ? 'Train' : 'Held-out'}
            </label>
          ))}
        >
          {loading ? (
            <Empty>Loading runs…</Empty>
          ) : curves.loss.length ? (
            <OverlayChart
              name="Loss"
              series={curves.loss}
              log={settings.logY.loss}
              xLabel={xLabel}
              yLabel="loss"
              markers={markers}
            />
          ) : (
            <Empty>No loss recorded yet: the runs have not finished a step.</Empty>
          )}
        </ChartPanel>
        <ChartPanel
          title="Gradient norm"
          chart="gradnorm"
          runIds={ids}
          logY={settings.logY.gradnorm}
          onLogY={setLog('gradnorm')}
          exportDefaults={{ smoothing: settings.smoothing, logY: settings.logY.gradnorm }}
        >
          {loading ? (
            <Empty>Loading runs…</Empty>
          ) : curves.gradnorm.length ? (
            <OverlayChart
              name="Gradient norm"
              series={curves.gradnorm}
              log={settings.logY.gradnorm}
              xLabel={xLabel}
              yLabel="‖∂L/∂θ‖ before clipping"
              markers={markers}
              hLines={clip ? [{ y: clip, label: `clip ${clip}` }] : []}
            />
          ) : (
            <Empty>No gradient norms recorded yet.</Empty>
          )}
        </ChartPanel>
        <ChartPanel
          title="Gradient flow"
          chart="profile"
          runIds={ids}
          logY={settings.logY.profile}
          onLogY={setLog('profile')}
          exportDefaults={{
            logY: settings.logY.profile,
            layer: settings.layer,
            ...(settings.probe === 'latest' ? {} : { probeStep: settings.probe }),
          }}
          options={
            <ProbeStepSelect steps={allProbeSteps} value={settings.probe} layers={maxLayers} layer={settings.layer} />
          }
        >
          {loading ? (
            <Empty>Loading runs…</Empty>
          ) : profileSeries.length ? (
            <OverlayChart
              name="Gradient flow"
              series={profileSeries}
              log={settings.logY.profile}
              xLabel="time step t"
              yLabel="‖∂L/∂hₜ‖"
            />
          ) : (
            <Empty>
              No gradient profiles yet: the runs have not reached their first probe, or were trained with probe.every =
              0.
            </Empty>
          )}
        </ChartPanel>
        <ChartPanel
          title="Gradient horizon"
          chart="horizon"
          runIds={ids}
          logY={settings.logY.horizon}
          onLogY={setLog('horizon')}
          exportDefaults={{ smoothing: settings.smoothing, logY: settings.logY.horizon }}
        >
          {loading ? (
            <Empty>Loading runs…</Empty>
          ) : curves.horizon.length ? (
            <OverlayChart
              name="Gradient horizon"
              series={curves.horizon}
              log={settings.logY.horizon}
              xLabel={xLabel}
              yLabel="horizon (time steps)"
              markers={markers}
            />
          ) : (
            <Empty>No horizon yet: it is measured at each gradient probe.</Empty>
          )}
        </ChartPanel>
      </div>
      {data.runs.length > 0 && <SpecDiffTable runs={data.runs.map((r) => r.detail)} />}
    </section>
  );
}

/**
 * The Compare tab: the chosen runs' curves overlaid (loss, gradient norm, horizon) and their gradient
 * profiles, seeds optionally pooled into mean ± band, and a table of what differs between the runs.
 */
import { useMemo } from 'react';
import type { RunSummary } from '../../../core/api/records';
import { ChartPanel } from './ChartPanel';
import { metricCurves, profileCurves, seedGroups, type CurveRun, type CompareSeries } from './chart-model';
import { lineStyle } from '../../../core/shared/palette';
import { CompareControls } from './CompareControls';
import { updateCompareSettings, useCompareSettings } from './compare-settings';
import { ComparePlot, type ComparePlotProps } from './ComparePlot';
import type { XMarker } from '../charts/plot-series';
import { useT } from '../i18n';
import { ProbeStepSelect } from './ProbeStepSelect';
import { RunChips } from './RunChips';
import { SpecDiffTable } from './SpecDiffTable';
import { useCompareData } from './useCompareData';
import { probeSteps, useProfiles } from './useProfiles';
import '../runs/runs.css';
import './compare.css';
import { H_GRAD_NORM } from '../charts/notation';

export interface CompareViewProps {
  /** The window's one selection (the runs ticked in Runs), in the order they were ticked. */
  runs: readonly { id: string; name: string }[];
  onRunsChange: (runs: { id: string; name: string }[]) => void;
}

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

/** A panel's body: "loading" until the first wave, its own empty text when it has no curve, else the plot. */
function PlotOrEmpty({ loading, empty, ...plot }: ComparePlotProps & { loading: boolean; empty: string }) {
  const t = useT('compare');
  if (loading) return <Empty>{t('loading')}</Empty>;
  return plot.series.length ? <ComparePlot {...plot} /> : <Empty>{empty}</Empty>;
}

export function CompareView({ runs: selection, onRunsChange }: CompareViewProps) {
  const t = useT('compare');
  const runIds = useMemo(() => selection.map((r) => r.id), [selection]);
  const settings = useCompareSettings();
  const data = useCompareData(runIds, null);
  const runs: CurveRun[] = useMemo(() => data.runs.map((r) => ({ summary: r.detail, series: r.series })), [data.runs]);
  const ids = data.runs.map((r) => r.id);
  const profiles = useProfiles(data.runs, settings.probe);
  const grouped = settings.group !== 'none';
  const canGroup = seedGroups(runs).some((g) => g.length > 1);
  const xLabel = settings.x === 'wall' ? t('axis.wall') : t('axis.step');

  const curves = useMemo(() => {
    const opts = { smoothing: settings.smoothing, group: settings.group, x: settings.x };
    const loss = metricCurves(
      runs,
      settings.lossMetrics.map((m) => ({ metric: m, label: m === 'loss' ? t('metric.train') : t('metric.heldout') })),
      opts,
    );
    const gradnorm = metricCurves(runs, [{ metric: 'gradNorm', label: t('metric.gradNorm') }], opts);
    const horizon = metricCurves(runs, [{ metric: 'horizon', label: t('metric.horizon') }], opts);
    return { loss, gradnorm, horizon };
  }, [runs, settings.lossMetrics, settings.smoothing, settings.group, settings.x, t]);
  const profileSeries: CompareSeries[] = useMemo(
    () =>
      profileCurves(
        data.runs.map((r) => ({ summary: r.detail, profile: profiles.get(r.id) })),
        settings.layer,
        settings.group,
      ),
    [data.runs, profiles, settings.layer, settings.group],
  );

  // Divergence markers sit at training steps; on a wall-time axis there is no honest place for them.
  const markers: XMarker[] = useMemo(
    () =>
      settings.x === 'step' && !grouped
        ? runs.flatMap((r, i) =>
            r.summary.divergence
              ? [
                  {
                    x: r.summary.divergence.step,
                    label: t('diverged', { name: r.summary.name }),
                    color: lineStyle(i).color,
                  },
                ]
              : [],
          )
        : [],
    [runs, settings.x, grouped, t],
  );
  const clip = clipThreshold(runs);
  const clipLines = useMemo(() => (clip ? [{ y: clip, label: t('clip', { value: clip }) }] : []), [clip, t]);
  const allProbeSteps = useMemo(() => [...new Set(data.runs.flatMap(probeSteps))].sort((a, b) => a - b), [data.runs]);
  const maxLayers = Math.max(1, ...data.runs.map((r) => r.detail.spec?.model.layers ?? 1));
  const setLog = (k: keyof typeof settings.logY) => (v: boolean) =>
    updateCompareSettings({ logY: { ...settings.logY, [k]: v } });
  const chips = runIds.map((id) => {
    const r = data.runs.find((x) => x.id === id);
    const known = selection.find((x) => x.id === id)?.name;
    return {
      id,
      name: r?.detail.name ?? (data.errors.has(id) ? t('unavailable', { name: known ?? id }) : (known ?? '…')),
      status: r?.detail.status,
    };
  });
  const addRun = (r: RunSummary) => !runIds.includes(r.id) && onRunsChange([...selection, { id: r.id, name: r.name }]);
  const loading = data.loading && !data.runs.length;

  if (runIds.length === 0) {
    return (
      <section className="compare-view compare-empty" aria-label={t('region')}>
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.body')}</p>
        <RunChips runs={[]} onRemove={() => undefined} onAdd={addRun} showStyles />
      </section>
    );
  }

  return (
    <section className="compare-view" aria-label={t('region')}>
      <RunChips
        runs={chips}
        onRemove={(id) => onRunsChange(selection.filter((x) => x.id !== id))}
        onAdd={addRun}
        showStyles={!grouped}
      />
      {[...data.errors].map(([id, msg]) => (
        <p key={id} role="alert" className="form-error">
          {t('runError', { id, message: msg })}
        </p>
      ))}
      <CompareControls settings={settings} canGroup={canGroup} />
      <div className="chart-grid">
        <ChartPanel
          title={t('chart.loss')}
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
              {m === 'loss' ? t('option.train') : t('option.heldout')}
            </label>
          ))}
        >
          <PlotOrEmpty
            loading={loading}
            empty={t('none.loss')}
            name={t('chart.loss')}
            series={curves.loss}
            log={settings.logY.loss}
            xLabel={xLabel}
            yLabel={t('axis.loss')}
            markers={markers}
          />
        </ChartPanel>
        <ChartPanel
          title={t('chart.gradNorm')}
          chart="gradnorm"
          runIds={ids}
          logY={settings.logY.gradnorm}
          onLogY={setLog('gradnorm')}
          exportDefaults={{ smoothing: settings.smoothing, logY: settings.logY.gradnorm }}
        >
          <PlotOrEmpty
            loading={loading}
            empty={t('none.gradNorm')}
            name={t('chart.gradNorm')}
            series={curves.gradnorm}
            log={settings.logY.gradnorm}
            xLabel={xLabel}
            yLabel={t('axis.gradNorm')}
            markers={markers}
            hLines={clipLines}
          />
        </ChartPanel>
        <ChartPanel
          title={t('chart.flow')}
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
          <PlotOrEmpty
            loading={loading}
            empty={t('none.profile')}
            name={t('chart.flow')}
            series={profileSeries}
            log={settings.logY.profile}
            xLabel={t('axis.timeStep')}
            yLabel={H_GRAD_NORM}
          />
        </ChartPanel>
        <ChartPanel
          title={t('chart.horizon')}
          chart="horizon"
          runIds={ids}
          logY={settings.logY.horizon}
          onLogY={setLog('horizon')}
          exportDefaults={{ smoothing: settings.smoothing, logY: settings.logY.horizon }}
        >
          <PlotOrEmpty
            loading={loading}
            empty={t('none.horizon')}
            name={t('chart.horizon')}
            series={curves.horizon}
            log={settings.logY.horizon}
            xLabel={xLabel}
            yLabel={t('axis.horizon')}
            markers={markers}
          />
        </ChartPanel>
      </div>
      {data.runs.length > 0 && <SpecDiffTable runs={data.runs.map((r) => r.detail)} />}
    </section>
  );
}

/** The live run's charts, built from the run buffer on each (frame-throttled) render. */
import { useMemo, type ReactNode } from 'react';
import { liveCurves } from './live-curves';
import { LossChart } from '../charts/LossChart';
import { GradNormChart } from '../charts/GradNormChart';
import { HorizonChart } from '../charts/HorizonChart';
import { GradientHeatmap } from '../charts/GradientHeatmap';
import { AccuracyChart } from '../charts/AccuracyChart';
import type { RunBuffer } from './run-buffer';
import { GradientFlowPanel } from './GradientFlowPanel';
import { RunFacts } from './RunFacts';
import { useT } from '../i18n';

/**
 * Redraws its chart only when `when` changed: a profile arriving must not redraw the loss, and the steps of a
 * run without probes must not redraw the profile charts. The buffer's arrays grow in place, so the keys are
 * their lengths and last steps, never the arrays themselves.
 */
function Redraw({ when, children }: { when: readonly unknown[]; children: () => ReactNode }) {
  return useMemo(children, when);
}

export function LiveCharts({ buffer }: { buffer: RunBuffer }) {
  const t = useT('live');
  const id = buffer.runId;
  const runIds = [id];
  const divergences = buffer.divergence ? [buffer.divergence] : [];
  const spec = buffer.spec;
  const { loss, accuracy, gradNorm, horizon } = liveCurves(buffer, {
    train: t('curve.train'),
    heldout: t('curve.heldout'),
    gradNorm: t('curve.gradNorm'),
    horizon: t('curve.horizon'),
    layer: (n) => t('curve.layer', { n }),
  });
  const clipped = buffer.metrics.get('clipped');
  const threshold = spec?.train.clip.mode === 'norm' ? spec.train.clip.threshold : undefined;

  const profiles = buffer.profiles;
  const T = profiles.at(-1)?.layers[0]?.hNorms.length;
  // probe.every = 0 turns probes off: say so instead of waiting for a probe that never comes.
  const noProbe = spec?.probe.every === 0 ? { emptyText: t('probesOff') } : {};

  const stepKey = [buffer.lastStep, buffer.metrics.get('heldoutLoss')?.step.length, buffer.divergence?.step];
  const profileKey = [profiles.length, profiles.at(-1)?.step];
  return (
    <div className="live-charts">
      <Redraw when={[...stepKey, spec?.task.kind]}>
        {() => (
          <LossChart
            curves={loss}
            divergences={divergences}
            // Predicting the mean of the target (the sum of two U(0,1) draws) scores its variance, 1/6: the bar to beat.
            {...(spec?.task.kind === 'adding' ? { baseline: { y: 1 / 6, label: t('baselineMean') } } : {})}
            exportRequest={{ chart: 'loss', runIds, title: t('chart.loss') }}
          />
        )}
      </Redraw>
      <Redraw when={[...profileKey, id, buffer.run?.name, spec?.probe.every, spec?.probe.source]}>
        {() => (
          <GradientFlowPanel
            runId={id}
            runName={buffer.run?.name ?? id}
            profiles={profiles}
            {...noProbe}
            source={spec?.probe.source === 'train' ? t('source.train') : t('source.fixed')}
          />
        )}
      </Redraw>
      <Redraw when={[...profileKey, spec?.probe.every]}>
        {() => (
          <GradientHeatmap
            profiles={profiles}
            {...noProbe}
            exportRequest={{ chart: 'heatmap', runIds, title: t('chart.heatmap') }}
          />
        )}
      </Redraw>
      <Redraw when={[...stepKey, threshold]}>
        {() => (
          <GradNormChart
            curves={gradNorm}
            clipEvents={clipped && gradNorm[0] ? [{ curveKey: gradNorm[0].key, clipped: clipped.value }] : []}
            {...(threshold !== undefined ? { threshold } : {})}
            divergences={divergences}
            exportRequest={{ chart: 'gradnorm', runIds, title: t('chart.gradNorm') }}
          />
        )}
      </Redraw>
      <Redraw when={[...profileKey, spec?.probe.every]}>
        {() => (
          <HorizonChart
            curves={horizon}
            {...noProbe}
            {...(T ? { maxHorizon: T - 1 } : {})}
            exportRequest={{ chart: 'horizon', runIds, title: t('chart.horizon') }}
          />
        )}
      </Redraw>
      <Redraw when={[...stepKey, ...profileKey, buffer.run?.status, buffer.run?.final.wallMs]}>
        {() => <RunFacts buffer={buffer} />}
      </Redraw>
      {accuracy.length > 0 && (
        <Redraw when={stepKey}>{() => <AccuracyChart curves={accuracy} divergences={divergences} />}</Redraw>
      )}
    </div>
  );
}

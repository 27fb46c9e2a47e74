/**
 * The live run's curves from its buffer. The run is run 0 of core/shared/palette.ts's slots, with train and
 * held-out as its two metrics, so it has the colour and dashes it gets in Compare and in an exported figure.
 */
import type { PlotSeries } from '../charts/plot-series';
import { ROLE, curveSlots, lineStyle, seriesColor } from '../../../core/shared/palette';
import type { RunBuffer } from './run-buffer';

/** Curve names come from the live catalog; this module only builds the curves. */
export interface CurveNames {
  train: string;
  heldout: string;
  gradNorm: string;
  horizon: string;
  layer: (n: number) => string;
}

const ENGLISH: CurveNames = {
  train: 'train',
  heldout: 'held-out',
  gradNorm: 'gradient norm',
  horizon: 'horizon',
  layer: (n) => `layer ${n}`,
};

/** Train and held-out curves of one metric pair, styled as run 0's two metrics. */
function pair(buffer: RunBuffer, train: string, heldout: string, names: CurveNames, color?: string): PlotSeries[] {
  const present = [train, heldout].filter((m) => buffer.metrics.get(m)?.step.length);
  return present.map((metric, mi) => {
    const { colorIndex, dashIndex } = curveSlots(0, mi, present.length);
    const st = lineStyle(colorIndex, dashIndex);
    const c = buffer.metrics.get(metric)!;
    return {
      key: `${buffer.runId}:${metric}`,
      label: metric === train ? names.train : names.heldout,
      style: { ...st, color: color ?? st.color },
      x: c.step,
      y: c.value,
      runIds: [buffer.runId],
    };
  });
}

export interface LiveCurves {
  loss: PlotSeries[];
  accuracy: PlotSeries[];
  gradNorm: PlotSeries[];
  horizon: PlotSeries[];
}

export function liveCurves(buffer: RunBuffer, names: CurveNames = ENGLISH): LiveCurves {
  const profiles = buffer.profiles;
  const layerCount = profiles.at(-1)?.layers.length ?? 0;
  const g = buffer.metrics.get('gradNorm');
  return {
    loss: pair(buffer, 'loss', 'heldoutLoss', names),
    // Accuracy has no figure; it keeps its own colour so it never reads as the loss.
    accuracy: pair(buffer, 'accuracy', 'heldoutAccuracy', names, ROLE.accuracy),
    gradNorm:
      g && g.step.length
        ? [
            {
              key: `${buffer.runId}:gradNorm`,
              label: names.gradNorm,
              style: { ...lineStyle(0), dash: undefined },
              x: g.step,
              y: g.value,
              runIds: [buffer.runId],
            },
          ]
        : [],
    horizon: Array.from({ length: layerCount }, (_, layer) => ({
      key: `${buffer.runId}:horizon:${layer}`,
      label: layerCount > 1 ? names.layer(layer + 1) : names.horizon,
      style: { color: layerCount > 1 ? seriesColor(layer) : ROLE.horizon, dash: undefined },
      x: profiles.map((p) => p.step),
      y: profiles.map((p) => p.layers.find((l) => l.layer === layer)?.horizon ?? Number.NaN),
      runIds: [buffer.runId],
    })),
  };
}

/**
 * The live run's curves from its buffer. The run is run 0 of core/shared/palette.ts's slots, with train and
 * held-out as its two metrics, so it has the colour and dashes it gets in Compare and in an exported figure.
 */
import type { MetricCurve } from '../charts/curves';
import { ROLE, curveSlots, lineStyle, seriesColor } from '../../../core/shared/palette';
import type { RunBuffer } from './run-buffer';

function curve(
  buffer: RunBuffer,
  metric: string,
  label: string,
  color: string,
  dash: string | undefined,
): MetricCurve[] {
  const c = buffer.metrics.get(metric);
  return c && c.step.length
    ? [{ id: `${buffer.runId}:${metric}`, label, color, step: c.step, value: c.value, dash }]
    : [];
}

/** Train and held-out curves of one metric pair, styled as run 0's two metrics. */
function pair(buffer: RunBuffer, train: string, heldout: string, color?: string): MetricCurve[] {
  const present = [train, heldout].filter((m) => buffer.metrics.get(m)?.step.length);
  return present.flatMap((metric, mi) => {
    const { colorIndex, dashIndex } = curveSlots(0, mi, present.length);
    const st = lineStyle(colorIndex, dashIndex);
    return curve(buffer, metric, metric === train ? 'train' : 'held-out', color ?? st.color, st.dash);
  });
}

export interface LiveCurves {
  loss: MetricCurve[];
  accuracy: MetricCurve[];
  gradNorm: MetricCurve[];
  horizon: MetricCurve[];
}

export function liveCurves(buffer: RunBuffer): LiveCurves {
  const profiles = buffer.profiles;
  const layerCount = profiles.at(-1)?.layers.length ?? 0;
  return {
    loss: pair(buffer, 'loss', 'heldoutLoss'),
    // Accuracy has no figure; it keeps its own colour so it never reads as the loss.
    accuracy: pair(buffer, 'accuracy', 'heldoutAccuracy', ROLE.accuracy),
    gradNorm: curve(buffer, 'gradNorm', 'gradient norm', lineStyle(0).color, undefined),
    horizon: Array.from({ length: layerCount }, (_, layer) => ({
      id: `${buffer.runId}:horizon:${layer}`,
      label: layerCount > 1 ? `layer ${layer + 1}` : 'horizon',
      color: layerCount > 1 ? seriesColor(layer) : ROLE.horizon,
      step: profiles.map((p) => p.step),
      value: profiles.map((p) => p.layers.find((l) => l.layer === layer)?.horizon ?? Number.NaN),
    })),
  };
}

/** Realistic step metrics for tests (no vitest import: the writer child process uses it too). */
import type { StepMetrics } from '../../../core/api';

export function steps(from: number, count: number, loss: (step: number) => number = (s) => 1 / (s + 1)): StepMetrics[] {
  return Array.from({ length: count }, (_, i) => {
    const step = from + i;
    return {
      step,
      wallMs: step * 12.5,
      loss: loss(step),
      gradNorm: 0.5 + step / 1000,
      clipped: step % 7 === 0,
      ...(step % 10 === 0 ? { heldoutLoss: loss(step) * 1.1 } : {}),
      paramGradNorms: { 'layer0.Wh': step / 100, 'readout.W': 1 },
    };
  });
}

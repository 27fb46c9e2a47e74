/**
 * Vanishing gradients as the engine measures them: tanh and sigmoid RNNs at T=100 with a small recurrent
 * init decay geometrically (sigmoid faster, its f' ≤ 1/4); an LSTM with forget bias 1 decays far slower.
 * Also: the per-step Jacobian norms stay under their bound, and σ_max / spectral radius are right.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, type ExperimentSpecInput } from '../../../core/api/spec';
import { createTask } from '../../../core/tasks';
import { createParams, disposeParams, shapeOf } from '../../../core/engine/model';
import { batchTensors, disposeBatch } from '../../../core/engine/batch';
import { measureProfile } from '../../../core/engine/metrics/profile';
import type { GradientProfile } from '../../../core/api/records';
import { useBackend } from './setup';

function profileOf(input: ExperimentSpecInput): GradientProfile {
  const spec = ExperimentSpecSchema.parse(input);
  const task = createTask(spec.task, spec.train.seed);
  const params = createParams(spec.model, task.inputSize, task.outputSize, spec.train.seed);
  const b = batchTensors(task.probeBatch(spec.probe.batch), task.outputSize);
  const p = measureProfile(params, shapeOf(spec.model, task.inputSize, task.outputSize), b, 0);
  disposeParams(params);
  disposeBatch(b);
  return p;
}

/** Least-squares slope of log10 ||∂L/∂h_t|| against t, over the representable (non-zero) norms. */
export function logSlope(norms: number[]): { slope: number; r2: number; points: number } {
  const pts = norms.map((n, t) => [t, Math.log10(n)] as const).filter(([, v]) => Number.isFinite(v));
  const n = pts.length;
  const mx = pts.reduce((a, [x]) => a + x, 0) / n;
  const my = pts.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return { slope: sxy / sxx, r2: (sxy * sxy) / (sxx * syy), points: n };
}

const base = (cell: 'rnn' | 'lstm', activation: 'tanh' | 'sigmoid'): ExperimentSpecInput => ({
  task: { kind: 'adding', seqLen: 100 },
  model: { cell, activation, hidden: 32, init: { recurrent: 'orthogonal', gain: 0.5 }, forgetBias: 1 },
  train: { seed: 3 },
  probe: { batch: 16 },
});

describe('vanishing gradients (T = 100)', () => {
  beforeAll(async () => {
    await useBackend();
  });

  it('decay geometrically: sigmoid steeper than tanh, LSTM (forget bias 1) far slower', () => {
    const tanh = logSlope(profileOf(base('rnn', 'tanh')).layers[0]!.hNorms);
    const sig = logSlope(profileOf(base('rnn', 'sigmoid')).layers[0]!.hNorms);
    const lstm = logSlope(profileOf(base('lstm', 'tanh')).layers[0]!.hNorms);
    console.log(
      `log10 ||dL/dh_t|| slope per step (fit r²): rnn-tanh ${tanh.slope.toFixed(4)} (${tanh.r2.toFixed(3)}, ${tanh.points} pts), ` +
        `rnn-sigmoid ${sig.slope.toFixed(4)} (${sig.r2.toFixed(3)}, ${sig.points} pts), lstm-tanh fb=1 ${lstm.slope.toFixed(4)} (${lstm.r2.toFixed(3)}, ${lstm.points} pts)`,
    );
    // Geometric: a straight line in log space, and a decay (norms grow towards the loss step T).
    expect(tanh.slope).toBeGreaterThan(0.05);
    expect(tanh.r2).toBeGreaterThan(0.95);
    expect(sig.r2).toBeGreaterThan(0.95);
    expect(sig.slope).toBeGreaterThan(1.5 * tanh.slope);
    expect(lstm.slope).toBeLessThan(0.5 * tanh.slope);
  });

  it('keeps every Jacobian norm under γ·σ_max(Wh) and measures σ_max and the spectral radius', () => {
    const p = profileOf({
      ...base('rnn', 'tanh'),
      model: { cell: 'rnn', activation: 'tanh', hidden: 32, init: { recurrent: 'orthogonal', gain: 0.5 } },
    });
    const L = p.layers[0]!;
    expect(L.sigmaMax!).toBeCloseTo(0.5, 4);
    expect(L.spectralRadius!).toBeCloseTo(0.5, 3);
    expect(L.jacobianBound!).toBeCloseTo(0.5, 4);
    for (const j of L.jacobianNorms!) expect(j).toBeLessThanOrEqual(L.jacobianBound! * (1 + 1e-5));
    expect(Math.max(...L.jacobianNorms!)).toBeGreaterThan(0.3);
    const q = profileOf({
      ...base('rnn', 'tanh'),
      model: { cell: 'rnn', hidden: 16, init: { recurrent: 'normal', std: 0.3, spectralRadius: 0.9 } },
    });
    expect(q.layers[0]!.spectralRadius!).toBeCloseTo(0.9, 3);
    expect(q.layers[0]!.saturation).toBeGreaterThanOrEqual(0);
  });
});

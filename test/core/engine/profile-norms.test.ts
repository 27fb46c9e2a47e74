/**
 * The profile's rescaled backward pass (metrics/rescaled-backward) against the float64 reference: the same
 * norms as the plain pass where float32 suffices, and still within 1e-3 where float32 would underflow
 * (a sigmoid RNN at T=100, whose earliest ||∂L/∂h_t|| are far below 1e-38). Run on the tfjs op path and on
 * the fused recurrent kernel, which does its own renormalisation.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { measureProfile } from '../../../core/engine/metrics/profile';
import { paramsFromHost, disposeParams } from '../../../core/engine/model';
import { batchTensors, disposeBatch } from '../../../core/engine/batch';
import { refGradients, refNorm } from './reference/bptt';
import { engineBatch, engineParams, engineShape, makeCase, maxElemRelErr, type CaseOptions } from './fixtures';
import { useBackend } from './setup';
import { setFusedKernels, type FusedMode } from '../../../core/engine/kernels/recurrent-kernel';

function compare(o: CaseOptions) {
  const c = makeCase(o);
  const ref = refGradients(c.m, c.p, c.batch);
  const shape = engineShape(c.m);
  const params = paramsFromHost(shape, engineParams(c.m, c.p));
  const bt = batchTensors(engineBatch(c.m, c.batch), c.m.outSize);
  const prof = measureProfile(params, shape, bt, 0);
  disposeParams(params);
  disposeBatch(bt);
  let err = 0;
  let smallest = Infinity;
  prof.layers.forEach((L, l) => {
    const rh = ref.dH[l]!.map(refNorm);
    smallest = Math.min(smallest, ...rh);
    err = Math.max(err, maxElemRelErr(L.hNorms, rh));
    if (c.m.cell === 'lstm') err = Math.max(err, maxElemRelErr(L.cNorms!, ref.dC[l]!.map(refNorm)));
  });
  return { err, smallest };
}

const PATHS: { name: string; mode: FusedMode }[] = [
  { name: 'tfjs ops', mode: 'off' },
  { name: 'fused kernel', mode: 'on' },
];

for (const path of PATHS) {
  describe(`profile norms (rescaled backward) vs float64 reference (${path.name})`, () => {
    beforeAll(async () => {
      await useBackend();
    });
    beforeEach(() => setFusedKernels(path.mode));
    afterAll(() => setFusedKernels('auto'));

    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      for (const loss of ['mse_last', 'xent_all'] as const) {
        it(`${cell}, 2 layers, ${loss}`, () => {
          const r = compare({ cell, act: 'tanh', layers: 2, loss, T: 7, B: 3, H: 5, mask: true });
          expect(r.err).toBeLessThan(1e-3);
        });
      }
    }

    it('sigmoid RNN at T=100: norms far below float32 range stay accurate', () => {
      const r = compare({
        cell: 'rnn',
        act: 'sigmoid',
        layers: 1,
        loss: 'mse_last',
        T: 100,
        B: 3,
        H: 5,
        whScale: 1,
        seed: 5,
      });
      console.log(
        `${path.name}: sigmoid T=100: smallest ||dL/dh_t|| ${r.smallest.toExponential(2)}, max relative error ${r.err.toExponential(2)}`,
      );
      expect(r.smallest).toBeLessThan(1e-60);
      expect(r.err).toBeLessThan(1e-3);
    });

    it('2-layer LSTM with sigmoid activation at T=60, every-step loss: deep vanishing in both layers', () => {
      const r = compare({
        cell: 'lstm',
        act: 'sigmoid',
        layers: 2,
        loss: 'xent_all',
        T: 60,
        B: 2,
        H: 4,
        whScale: 0.3,
        seed: 2,
      });
      expect(r.err).toBeLessThan(1e-3);
    });
  });
}

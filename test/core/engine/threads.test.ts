/**
 * The fused kernel's result does not depend on how many threads share the batch: every row's forward and
 * backward is computed by one thread exactly as it would be alone, so the loss, h, ∂L/∂(input projection) and
 * the readout's gradients are bit for bit the same; the layers' weight and bias gradients and the ||∂L/∂h_t|| are
 * sums over slices (in float64), equal up to float rounding, measured as max |a − b| / max |b| per tensor.
 * Measured here (2 layers, B=21, H=19, T=12): weights and biases ≤ 7.9e-7, the norms ≤ 9e-16; tolerance 1e-5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../core/engine/tf';
import { computeGradients } from '../../../core/engine/gradients';
import { paramsFromHost, paramList, disposeParams } from '../../../core/engine/model';
import { batchTensors, disposeBatch } from '../../../core/engine/batch';
import { setFusedKernels } from '../../../core/engine/kernels/recurrent-kernel';
import {
  batchSlices,
  setKernelThreads,
  setSplitMinWork,
  SPLIT_MIN_WORK,
} from '../../../core/engine/kernels/kernel-threads';
import { engineBatch, engineParams, engineShape, makeCase } from './fixtures';
import { useBackend } from './setup';
import type { RefCell } from './reference/model';

const TOLERANCE = 1e-5;

function gradientsOn(threads: number, cell: RefCell) {
  setKernelThreads(threads);
  const c = makeCase({ cell, act: 'tanh', layers: 2, loss: 'mse_all', T: 12, B: 21, H: 19, seed: 11, mask: true });
  const shape = engineShape(c.m);
  const params = paramsFromHost(shape, engineParams(c.m, c.p));
  const bt = batchTensors(engineBatch(c.m, c.batch), c.m.outSize);
  const out = tf.tidy(() => {
    const g = computeGradients(params, shape, bt);
    const n = g.hiddenNorms();
    return { loss: g.loss.dataSync()[0]!, grads: paramList(g.grads).map((t) => t.dataSync()), h: n.h.flat() };
  });
  disposeParams(params);
  disposeBatch(bt);
  return out;
}

/** max |a − b| / max |b|: the difference on the tensor's own scale (summation order moves entries near 0 most). */
function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]!));
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  }
  return scale > 0 ? worst / scale : worst;
}

describe('fused kernel threads', () => {
  const measured: string[] = [];
  beforeAll(async () => {
    await useBackend();
    setFusedKernels('on');
    // These cases are far below the split threshold: force the split so that they run on every thread.
    setSplitMinWork(0);
  });
  afterAll(() => {
    setFusedKernels('auto');
    setKernelThreads(1);
    setSplitMinWork(SPLIT_MIN_WORK);
    console.log(['max relative difference from 1 thread (tolerance 1e-5):', ...measured].join('\n'));
  });

  it('slices a batch into row blocks of 4 where it can, one slice per thread at most', () => {
    expect(batchSlices(128, 2)).toEqual([
      [0, 64],
      [64, 64],
    ]);
    expect(batchSlices(32, 3)).toEqual([
      [0, 12],
      [12, 8],
      [20, 12],
    ]);
    expect(batchSlices(3, 4)).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(batchSlices(5, 1)).toEqual([[0, 5]]);
  });

  for (const cell of ['rnn', 'lstm', 'gru'] as RefCell[]) {
    it(`${cell}: 2 and 4 threads give 1 thread's gradients up to float rounding`, () => {
      const one = gradientsOn(1, cell);
      for (const n of [2, 4]) {
        const r = gradientsOn(n, cell);
        expect(r.loss).toBe(one.loss);
        // Parameter order per layer: Wx, Wh, bx, bh; then the readout W, b. The layers' are summed across slices.
        const names = ['dWx', 'dWh', 'dbx', 'dbh'];
        r.grads.forEach((g, i) => {
          const d = maxRel(g, one.grads[i]!);
          if (i < 8) {
            measured.push(`${cell} ${n} threads ${names[i % 4]} layer ${Math.floor(i / 4)}: ${d.toExponential(2)}`);
            expect(d).toBeLessThan(TOLERANCE);
          } else expect(Array.from(g), `${cell} ${n} threads parameter ${i}`).toEqual(Array.from(one.grads[i]!));
        });
        const dh = maxRel(r.h, one.h);
        measured.push(`${cell} ${n} threads ||dL/dh_t||: ${dh.toExponential(2)}`);
        expect(dh).toBeLessThan(TOLERANCE);
      }
    });
  }
});

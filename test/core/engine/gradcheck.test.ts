/**
 * The engine (float32, tfjs) against the float64 reference BPTT (itself checked against finite differences
 * in reference.test.ts): parameter gradients and every ||∂L/∂h_t|| (and ||∂L/∂c_t||) within 1e-3 relative,
 * for every cell × activation, 1–2 layers, each loss kind. The table of worst errors is printed. The whole
 * suite runs on the tfjs op path and on the fused recurrent kernel (core/engine/kernels) with 1, 2 and 4 threads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../core/engine/tf';
import { computeGradients } from '../../../core/engine/gradients';
import { paramsFromHost, paramList, disposeParams } from '../../../core/engine/model';
import { batchTensors, disposeBatch } from '../../../core/engine/batch';
import { setFusedKernels, type FusedMode } from '../../../core/engine/kernels/recurrent-kernel';
import { setKernelThreads, setSplitMinWork, SPLIT_MIN_WORK } from '../../../core/engine/kernels/kernel-threads';
import { refGradients, refNorm } from './reference/bptt';
import { engineBatch, engineParams, engineShape, makeCase, maxElemRelErr, relErr, type CaseOptions } from './fixtures';
import { useBackend } from './setup';
import { CELL_DEFS } from '../../../core/engine/cells';
import { ACTIVATION_DEFS } from '../../../core/engine/activations';
import type { Activation, Cell } from '../../../core/api';
import type { RefAct, RefCell, RefLoss } from './reference/model';

// Generated from the engine's registries: a cell or activation gets checked because it is registered. The
// float64 reference must implement it too (`Record<RefCell, …>` in ./reference/model): the type forces it.
const CELLS = Object.keys(CELL_DEFS) as (keyof typeof CELL_DEFS & RefCell)[];
const ACTS = Object.keys(ACTIVATION_DEFS) as (keyof typeof ACTIVATION_DEFS & RefAct)[];
// Compile-time: every registered name is one the reference knows (an unknown one makes this line an error).
const _refCovers: { cell: RefCell[]; act: RefAct[] } = {
  cell: Object.keys(CELL_DEFS) as Cell[],
  act: Object.keys(ACTIVATION_DEFS) as Activation[],
};
const LOSSES: RefLoss[] = ['mse_last', 'mse_all', 'xent_last', 'xent_all'];

interface CheckResult {
  param: number;
  hidden: number;
  minHidden: number;
}

/** Worst relative errors of the engine against the reference on one case. */
export function checkCase(o: CaseOptions): CheckResult {
  const c = makeCase(o);
  const ref = refGradients(c.m, c.p, c.batch);
  const shape = engineShape(c.m);
  const params = paramsFromHost(shape, engineParams(c.m, c.p));
  const bt = batchTensors(engineBatch(c.m, c.batch), c.m.outSize);
  const out = tf.tidy(() => {
    const g = computeGradients(params, shape, bt);
    const grads = paramList(g.grads).map((t) => t.dataSync());
    const norms = g.hiddenNorms();
    const hn = norms.h;
    const cn = norms.c.map((layer) => layer ?? []);
    return { loss: g.loss.dataSync()[0]!, grads, hn, cn };
  });
  disposeParams(params);
  disposeBatch(bt);
  const refList = [...ref.layers.flatMap((L) => [L.Wx, L.Wh, L.bx, L.bh]), ref.W, ref.b];
  let param = Math.abs(out.loss - ref.loss) / Math.abs(ref.loss);
  refList.forEach((r, i) => (param = Math.max(param, relErr(out.grads[i]!, r))));
  let hidden = 0;
  let minHidden = Infinity;
  ref.dH.forEach((layer, l) => {
    const rn = layer.map(refNorm);
    hidden = Math.max(hidden, maxElemRelErr(out.hn[l]!, rn));
    minHidden = Math.min(minHidden, ...rn);
  });
  if (c.m.cell === 'lstm')
    ref.dC.forEach((layer, l) => (hidden = Math.max(hidden, maxElemRelErr(out.cn[l]!, layer.map(refNorm)))));
  return { param, hidden, minHidden };
}

// The fused kernel on 1, 2 and 4 threads: each thread runs a slice of the batch (B = 3 and 6 here, so slices of
// one and two rows, the kernel's scalar row tails) and the weight gradients are summed across slices.
const PATHS: { name: string; mode: FusedMode; threads: number }[] = [
  { name: 'tfjs ops', mode: 'off', threads: 1 },
  { name: 'fused kernel', mode: 'on', threads: 1 },
  { name: 'fused kernel, 2 threads', mode: 'on', threads: 2 },
  { name: 'fused kernel, 4 threads', mode: 'on', threads: 4 },
];

for (const path of PATHS) {
  const table: string[] = [];

  describe(`engine gradients vs float64 reference (${path.name})`, () => {
    beforeAll(async () => {
      await useBackend();
      setFusedKernels(path.mode);
      setKernelThreads(path.threads);
      // These cases are far below the split threshold: force the split so that they run on every thread.
      setSplitMinWork(0);
    });
    afterAll(() => {
      setFusedKernels('auto');
      setKernelThreads(1);
      setSplitMinWork(SPLIT_MIN_WORK);
      console.log(
        [`${path.name}:`, 'cell/activation   loss       layers  param-rel   h-norm-rel', ...table].join('\n'),
      );
    });

    for (const cell of CELLS) {
      for (const act of ACTS) {
        it(`${cell}/${act}`, () => {
          setFusedKernels(path.mode);
          setKernelThreads(path.threads);
          for (const loss of LOSSES) {
            for (const layers of [1, 2]) {
              const r = checkCase({
                cell,
                act,
                layers,
                loss,
                T: 6,
                B: 3,
                H: 5,
                seed: 3 + layers,
                mask: loss.endsWith('_all'),
              });
              table.push(
                `${`${cell}/${act}`.padEnd(18)}${loss.padEnd(11)}${String(layers).padEnd(8)}${r.param.toExponential(2).padEnd(12)}${r.hidden.toExponential(2)}`,
              );
              expect(r.param, `${cell}/${act} ${loss} ${layers} layers: parameter gradients`).toBeLessThan(1e-3);
              expect(r.hidden, `${cell}/${act} ${loss} ${layers} layers: hidden-gradient norms`).toBeLessThan(1e-3);
            }
          }
        });
      }
    }

    it('sigmoid RNN at T=40: early-step norms far below 1e-20 stay accurate', () => {
      setFusedKernels(path.mode);
      setKernelThreads(path.threads);
      const r = checkCase({
        cell: 'rnn',
        act: 'sigmoid',
        layers: 1,
        loss: 'mse_last',
        T: 40,
        B: 3,
        H: 5,
        whScale: 1.5,
        seed: 5,
      });
      table.push(
        `rnn/sigmoid T=40   mse_last   1       ${r.param.toExponential(2).padEnd(12)}${r.hidden.toExponential(2)}  (smallest ||dL/dh_t|| ${r.minHidden.toExponential(2)})`,
      );
      expect(r.minHidden).toBeLessThan(1e-20);
      expect(r.param).toBeLessThan(1e-3);
      expect(r.hidden).toBeLessThan(1e-3);
    });

    it("wider layers exercise the kernel's SIMD blocks and their tails (H=13, B=6)", () => {
      setFusedKernels(path.mode);
      setKernelThreads(path.threads);
      for (const cell of CELLS) {
        const r = checkCase({ cell, act: 'tanh', layers: 2, loss: 'mse_all', T: 5, B: 6, H: 13, seed: 9, mask: true });
        table.push(
          `${`${cell}/tanh H=13`.padEnd(18)}mse_all    2       ${r.param.toExponential(2).padEnd(12)}${r.hidden.toExponential(2)}`,
        );
        expect(r.param).toBeLessThan(1e-3);
        expect(r.hidden).toBeLessThan(1e-3);
      }
    });
  });
}

/**
 * The float64 reference BPTT against central finite differences: it must be right before it can judge the
 * engine. Every cell × activation, 1–2 layers, every loss kind (masked *_all included).
 */
import { describe, expect, it } from 'vitest';
import { refGradients } from './reference/bptt';
import { fdParamGrads, fdProbeGrads } from './reference/fd';
import { makeCase, relErr } from './fixtures';
import type { RefAct, RefCell, RefLoss } from './reference/model';

const CELLS: RefCell[] = ['rnn', 'lstm', 'gru'];
const ACTS: RefAct[] = ['tanh', 'sigmoid', 'relu', 'leaky_relu', 'elu', 'linear'];
const LOSSES: RefLoss[] = ['mse_last', 'mse_all', 'xent_last', 'xent_all'];

describe('float64 reference BPTT vs finite differences', () => {
  for (const cell of CELLS) {
    for (const act of ACTS) {
      it(`${cell}/${act}: every loss, 1 and 2 layers`, () => {
        let worst = 0;
        for (const loss of LOSSES) {
          for (const layers of [1, 2]) {
            const c = makeCase({
              cell,
              act,
              layers,
              loss,
              T: 4,
              B: 2,
              H: 3,
              seed: 11 + layers,
              mask: loss.endsWith('_all'),
            });
            const g = refGradients(c.m, c.p, c.batch);
            const fd = fdParamGrads(c.m, c.p, c.batch);
            const errs = [relErr(g.W, fd.W), relErr(g.b, fd.b)];
            g.layers.forEach((L, l) => {
              const F = fd.layers[l]!;
              errs.push(relErr(L.Wx, F.Wx), relErr(L.Wh, F.Wh), relErr(L.bx, F.bx), relErr(L.bh, F.bh));
            });
            const pf = fdProbeGrads(c.m, c.p, c.batch);
            g.dH.forEach((layer, l) => layer.forEach((d, t) => errs.push(relErr(d, pf.dH[l]![t]!))));
            if (cell === 'lstm')
              g.dC.forEach((layer, l) => layer.forEach((d, t) => errs.push(relErr(d, pf.dC[l]![t]!))));
            worst = Math.max(worst, ...errs);
          }
        }
        expect(worst).toBeLessThan(1e-6);
      });
    }
  }
});

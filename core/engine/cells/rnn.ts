/** Vanilla RNN (G = 1): h_t = f(x_t·Wx + bx + h_{t−1}·Wh + bh). */
import { tf, type Tensor2D } from '../tf';
import type { CellDef } from './types';

export const rnnCell: CellDef = {
  name: 'rnn',
  gates: 1,
  foldsRecurrentBias: true,
  step(xp, prev, w, f) {
    const a: Tensor2D = prev ? tf.add(xp, tf.matMul(prev.h, w.Wh)) : xp;
    const h = f.fn(a) as Tensor2D;
    return { state: { h }, candidate: a, candidateOut: h, saved: {} };
  },
  backward(dh, _dcNext, rec, _prev, f) {
    const da = f.backward(rec.candidate, rec.candidateOut, dh) as Tensor2D;
    return { dXP: da, dHP: da };
  },
};

/** Vanilla RNN (G = 1): h_t = f(x_t·Wx + bx + h_{t−1}·Wh + bh). */
import { tf, type Tensor2D } from '../tf';
import type { CellDef } from './types';
import { candidateDerivatives, splitSteps } from './steps';

export const rnnCell: CellDef = {
  name: 'rnn',
  gates: 1,
  foldsRecurrentBias: true,
  step(xp, prev, w, f) {
    const a: Tensor2D = prev ? tf.add(xp, tf.matMul(prev.h, w.Wh)) : xp;
    const h = f.fn(a) as Tensor2D;
    return { state: { h }, candidate: a, candidateOut: h, saved: {} };
  },
  prepareBackward(records, f) {
    const d = candidateDerivatives(records, f);
    return d ? splitSteps(d, records.length).map((dt) => ({ d: dt })) : records.map(() => ({}));
  },
  backward(dh, _dcNext, aux) {
    // da = dh ⊙ f'(a_t): one op per step (none for linear).
    const da: Tensor2D = aux.d ? tf.mul(dh, aux.d) : dh;
    return { dXP: da, dHP: da };
  },
};

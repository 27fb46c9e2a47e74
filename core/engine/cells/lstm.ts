/**
 * LSTM (G = 4, gate blocks i, f, g, o): a = x_t·Wx + bx + h_{t−1}·Wh + bh;
 * c_t = σ(a_f)⊙c_{t−1} + σ(a_i)⊙f(a_g); h_t = σ(a_o)⊙f(c_t).
 *
 * Backward, with dc_t = dc_{t+1}⊙σ(a_f,t+1) + dh_t⊙σ(a_o)⊙f'(c_t):
 *   da = [dc, dc, dc, dh] ⊙ Q_t,  Q_t = [f(a_g)·σ'(a_i), c_{t−1}·σ'(a_f), σ(a_i)·f'(a_g), f(c_t)·σ'(a_o)],
 * so with P_t = σ(a_o)⊙f'(c_t) and Q_t prepared for all steps, a step costs five ops and one matMul.
 */
import { tf, type Tensor2D } from '../tf';
import type { CellDef } from './types';
import { candidateDerivatives, catSteps, shiftedPrev, sigmoidDerivative, splitSteps } from './steps';

export const lstmCell: CellDef = {
  name: 'lstm',
  gates: 4,
  foldsRecurrentBias: true,
  step(xp, prev, w, f) {
    const H = xp.shape[1] / 4;
    const a: Tensor2D = prev ? tf.add(xp, tf.matMul(prev.h, w.Wh)) : xp;
    // One sigmoid over all four blocks (the g block's is unused): fewer kernel launches than three slices.
    const [si, sf, , so] = tf.split(tf.sigmoid(a), 4, 1) as Tensor2D[];
    const ag = tf.slice(a, [0, 2 * H], [-1, H]);
    const g = f.fn(ag) as Tensor2D;
    const ig: Tensor2D = tf.mul(si!, g);
    const c: Tensor2D = prev?.c ? tf.add(tf.mul(sf!, prev.c), ig) : ig;
    const fc = f.fn(c) as Tensor2D;
    const h: Tensor2D = tf.mul(so!, fc);
    return { state: { h, c }, candidate: ag, candidateOut: g, saved: { si: si!, sf: sf!, so: so!, fc } };
  },
  prepareBackward(records, f) {
    const T = records.length;
    const cat = (k: string) => catSteps(records.map((r) => r.saved[k]!));
    const [SI, SO, FC] = [cat('si'), cat('so'), cat('fc')];
    const C = catSteps(records.map((r) => r.state.c!));
    const G = catSteps(records.map((r) => r.candidateOut));
    const dG = candidateDerivatives(records, f);
    const dC = f.derivativeReads === 'none' ? null : (f.derivative(C, FC) as Tensor2D);
    const P: Tensor2D = dC ? tf.mul(SO, dC) : SO;
    const Q = tf.concat(
      [
        tf.mul(G, sigmoidDerivative(SI)),
        tf.mul(shiftedPrev(records.map((r) => r.state.c!)), sigmoidDerivative(cat('sf'))),
        dG ? tf.mul(SI, dG) : SI,
        tf.mul(FC, sigmoidDerivative(SO)),
      ],
      1,
    ) as Tensor2D;
    const Ps = splitSteps(P, T);
    const Qs = splitSteps(Q, T);
    return records.map((r, t) => ({ p: Ps[t]!, q: Qs[t]!, sf: r.saved.sf! }));
  },
  backward(dh, dcNext, aux, first) {
    const fromH: Tensor2D = tf.mul(dh, aux.p!);
    const dc: Tensor2D = dcNext ? tf.add(dcNext, fromH) : fromH;
    const da: Tensor2D = tf.mul(tf.concat([dc, dc, dc, dh], 1), aux.q!);
    const dcPrev: Tensor2D | undefined = first ? undefined : tf.mul<Tensor2D>(dc, aux.sf!);
    return { dXP: da, dHP: da, dcPrev, dcTotal: dc };
  },
};

/**
 * LSTM (G = 4, gate blocks i, f, g, o): a = x_t·Wx + bx + h_{t−1}·Wh + bh;
 * c_t = σ(a_f)⊙c_{t−1} + σ(a_i)⊙f(a_g); h_t = σ(a_o)⊙f(c_t).
 */
import { tf, type Tensor2D } from '../tf';
import type { CellDef } from './types';

const sigmoidGrad = (s: Tensor2D, d: Tensor2D): Tensor2D => tf.mul(d, tf.mul(s, tf.sub(1, s)));

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
    return { state: { h, c }, candidate: ag, candidateOut: g, saved: { si: si!, sf: sf!, so: so!, c, fc } };
  },
  backward(dh, dcNext, rec, prev, f) {
    const { si, sf, so, c, fc } = rec.saved as Record<'si' | 'sf' | 'so' | 'c' | 'fc', Tensor2D>;
    const g = rec.candidateOut;
    const dcFromH = f.backward(c, fc, tf.mul(dh, so)) as Tensor2D;
    const dc: Tensor2D = dcNext ? tf.add(dcNext, dcFromH) : dcFromH;
    const dai = sigmoidGrad(si, tf.mul(dc, g));
    const daf: Tensor2D = prev?.c ? sigmoidGrad(sf, tf.mul(dc, prev.c)) : tf.zerosLike(dai);
    const dag = f.backward(rec.candidate, g, tf.mul(dc, si)) as Tensor2D;
    const dao = sigmoidGrad(so, tf.mul(dh, fc));
    const da: Tensor2D = tf.concat([dai, daf, dag, dao], 1);
    const dcPrev: Tensor2D | undefined = prev ? tf.mul<Tensor2D>(dc, sf) : undefined;
    return { dXP: da, dHP: da, dcPrev, dcTotal: dc };
  },
};

/**
 * GRU (G = 3, blocks r, z, n), reset applied after the recurrent product as cuDNN and PyTorch do:
 * r = σ(x·Wx_r + bx_r + h·Wh_r + bh_r), z likewise, n = f(x·Wx_n + bx_n + r⊙(h·Wh_n + bh_n)),
 * h_t = (1−z)⊙n + z⊙h_{t−1}. bh stays out of the input projection because r multiplies bh_n.
 *
 * Backward: da_n = dh⊙(1−z)⊙f'(a_n), da_z = dh⊙(h_{t−1}−n)⊙σ'(z), da_r = da_n⊙(h·Wh_n + bh_n)⊙σ'(r);
 * the input side gets [da_r, da_z, da_n], the recurrent product [da_r, da_z, da_n⊙r]. All the factors are
 * prepared for every step at once.
 */
import { tf, type Tensor2D } from '../tf';
import type { CellDef } from './types';
import { candidateDerivatives, catSteps, shiftedPrev, sigmoidDerivative, splitSteps } from './steps';

export const gruCell: CellDef = {
  name: 'gru',
  gates: 3,
  foldsRecurrentBias: false,
  step(xp, prev, w, f) {
    const H = xp.shape[1] / 3;
    const hp: Tensor2D = prev ? tf.add(tf.matMul(prev.h, w.Wh), w.bh) : tf.broadcastTo(w.bh, xp.shape);
    const [xrz, xn] = tf.split(xp, [2 * H, H], 1) as Tensor2D[];
    const [hrz, hn] = tf.split(hp, [2 * H, H], 1) as Tensor2D[];
    const rz: Tensor2D = tf.sigmoid(tf.add<Tensor2D>(xrz!, hrz!));
    const [r, z] = tf.split(rz, 2, 1) as Tensor2D[];
    const an: Tensor2D = tf.add(xn!, tf.mul(r!, hn!));
    const n = f.fn(an) as Tensor2D;
    // h = n + z⊙(h_prev − n); with h_0 = 0 that is n − z⊙n.
    const h: Tensor2D = prev ? tf.add(n, tf.mul(z!, tf.sub(prev.h, n))) : tf.sub(n, tf.mul(z!, n));
    return { state: { h }, candidate: an, candidateOut: n, saved: { r: r!, z: z!, hn: hn! } };
  },
  prepareBackward(records, f) {
    const T = records.length;
    const cat = (k: string) => catSteps(records.map((r) => r.saved[k]!));
    const [R, Z, HN] = [cat('r'), cat('z'), cat('hn')];
    const N = catSteps(records.map((r) => r.candidateOut));
    const dN = candidateDerivatives(records, f);
    const oneMinusZ: Tensor2D = tf.sub(1, Z);
    const kn: Tensor2D = dN ? tf.mul(oneMinusZ, dN) : oneMinusZ;
    const kz: Tensor2D = tf.mul(tf.sub(shiftedPrev(records.map((r) => r.state.h)), N), sigmoidDerivative(Z));
    const kr: Tensor2D = tf.mul(HN, sigmoidDerivative(R));
    const rMask: Tensor2D = tf.concat([tf.onesLike(R), tf.onesLike(R), R], 1);
    const [Kn, Kz, Kr, M, Zs] = [kn, kz, kr, rMask, Z].map((x) => splitSteps(x, T));
    return records.map((_r, t) => ({ kn: Kn![t]!, kz: Kz![t]!, kr: Kr![t]!, m: M![t]!, z: Zs![t]! }));
  },
  backward(dh, _dcNext, aux, first) {
    const dan: Tensor2D = tf.mul(dh, aux.kn!);
    const dXP = tf.concat([tf.mul(dan, aux.kr!), tf.mul(dh, aux.kz!), dan], 1) as Tensor2D;
    const dHP: Tensor2D = tf.mul(dXP, aux.m!);
    const dhPrevDirect: Tensor2D | undefined = first ? undefined : tf.mul<Tensor2D>(dh, aux.z!);
    return { dXP, dHP, dhPrevDirect };
  },
};

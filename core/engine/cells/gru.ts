/**
 * GRU (G = 3, blocks r, z, n), reset applied after the recurrent product as cuDNN and PyTorch do:
 * r = σ(x·Wx_r + bx_r + h·Wh_r + bh_r), z likewise, n = f(x·Wx_n + bx_n + r⊙(h·Wh_n + bh_n)),
 * h_t = (1−z)⊙n + z⊙h_{t−1}. bh stays out of the input projection because r multiplies bh_n.
 */
import { tf, type Tensor2D } from '../tf';
import type { CellDef } from './types';

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
    return { state: { h }, candidate: an, candidateOut: n, saved: { rz, r: r!, z: z!, hn: hn! } };
  },
  backward(dh, _dcNext, rec, prev, f) {
    const { rz, r, z, hn } = rec.saved as Record<'rz' | 'r' | 'z' | 'hn', Tensor2D>;
    const n = rec.candidateOut;
    const dn: Tensor2D = tf.sub(dh, tf.mul(dh, z));
    const dz: Tensor2D = tf.mul(dh, prev ? tf.sub(prev.h, n) : tf.neg(n));
    const dan = f.backward(rec.candidate, n, dn) as Tensor2D;
    const dr: Tensor2D = tf.mul(dan, hn);
    const drz: Tensor2D = tf.mul(tf.concat([dr, dz], 1), tf.mul(rz, tf.sub(1, rz)));
    const dXP: Tensor2D = tf.concat([drz, dan], 1);
    const dHP: Tensor2D = tf.concat([drz, tf.mul<Tensor2D>(dan, r)], 1);
    const dhPrevDirect: Tensor2D | undefined = prev ? tf.mul<Tensor2D>(dh, z) : undefined;
    return { dXP, dHP, dhPrevDirect };
  },
};

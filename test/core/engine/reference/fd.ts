/** Central finite differences of the reference loss, float64. */
import { refForward, zeroProbes, type RefBatch, type RefModel, type RefParams } from './model';

export const FD_EPS = 1e-6;

function central(f: () => number, arr: Float64Array, i: number, eps = FD_EPS): number {
  const v = arr[i]!;
  arr[i] = v + eps;
  const up = f();
  arr[i] = v - eps;
  const down = f();
  arr[i] = v;
  return (up - down) / (2 * eps);
}

/** Finite-difference gradient of every parameter. */
export function fdParamGrads(m: RefModel, p: RefParams, batch: RefBatch) {
  const loss = () => refForward(m, p, batch).loss;
  const all = (a: Float64Array) => Float64Array.from(a, (_v, i) => central(loss, a, i));
  return {
    layers: p.layers.map((L) => ({ Wx: all(L.Wx), Wh: all(L.Wh), bx: all(L.bx), bh: all(L.bh) })),
    W: all(p.W),
    b: all(p.b),
  };
}

/** Finite-difference ∂L/∂h^l_t (and ∂L/∂c^l_t) through additive probes. */
export function fdProbeGrads(m: RefModel, p: RefParams, batch: RefBatch) {
  const probes = zeroProbes(m, batch.T, batch.B);
  const loss = () => refForward(m, p, batch, probes).loss;
  const dH = probes.ph.map((layer) => layer.map((arr) => Float64Array.from(arr, (_v, i) => central(loss, arr, i))));
  const dC =
    m.cell === 'lstm'
      ? probes.pc.map((layer) => layer.map((arr) => Float64Array.from(arr, (_v, i) => central(loss, arr, i))))
      : [];
  return { dH, dC };
}

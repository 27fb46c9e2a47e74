/** Helpers to treat T per-step tensors [B, ·] as one [T·B, ·] tensor and back. */
import { tf, type Tensor2D } from '../tf';
import type { ActivationDef } from '../activations';
import type { StepRecord } from './types';

export function catSteps(ts: Tensor2D[]): Tensor2D {
  return ts.length === 1 ? ts[0]! : tf.concat(ts, 0);
}

export { splitRows as splitSteps } from '../split';

/** The same sequence shifted one step later, with zeros at t = 1 (h_0 = c_0 = 0). */
export function shiftedPrev(ts: Tensor2D[]): Tensor2D {
  return catSteps([tf.zerosLike(ts[0]!), ...ts.slice(0, -1)]);
}

/** f'(candidate) for all steps, [T·B, H]; null when f' ≡ 1. Concatenates only what f' reads. */
export function candidateDerivatives(records: StepRecord[], f: ActivationDef): Tensor2D | null {
  if (f.derivativeReads === 'none') return null;
  const a = f.derivativeReads === 'input' ? catSteps(records.map((r) => r.candidate)) : null;
  const y = f.derivativeReads === 'output' ? catSteps(records.map((r) => r.candidateOut)) : null;
  return f.derivative((a ?? y)!, (y ?? a)!) as Tensor2D;
}

export const sigmoidDerivative = (s: Tensor2D): Tensor2D => tf.mul(s, tf.sub(1, s));

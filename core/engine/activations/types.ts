import type { Activation } from '../../api/spec';
import type { Tensor } from '../tf';

/** One activation function: the forward op, its derivative and γ = max |f'| (the Jacobian bound's factor). */
export interface ActivationDef {
  name: Activation;
  /** max over x of |f'(x)|. */
  gamma: number;
  /** Which of (a, y) `derivative` reads, so callers concatenate only what is needed ('none': f' ≡ 1). */
  derivativeReads: 'input' | 'output' | 'none';
  fn(a: Tensor): Tensor;
  /** f'(a), given the pre-activation a and the output y = f(a) (whichever is cheaper to use). */
  derivative(a: Tensor, y: Tensor): Tensor;
  /** dy ⊙ f'(a): the backward step, in as few ops as the function allows. */
  backward(a: Tensor, y: Tensor, dy: Tensor): Tensor;
}

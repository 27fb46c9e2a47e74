/** The activation registry: one record per function of the spec's ACTIVATIONS. */
import type { Activation } from '../../api/spec';
import type { ActivationDef } from './types';
import { tanh } from './tanh';
import { sigmoid } from './sigmoid';
import { relu } from './relu';
import { leakyRelu } from './leaky-relu';
import { elu } from './elu';
import { linear } from './linear';

export const ACTIVATION_DEFS: Record<Activation, ActivationDef> = {
  tanh,
  sigmoid,
  relu,
  leaky_relu: leakyRelu,
  elu,
  linear,
};

export function activation(name: Activation): ActivationDef {
  const def = ACTIVATION_DEFS[name];
  if (!def) throw new Error(`Unknown activation "${String(name)}"`);
  return def;
}

export type { ActivationDef } from './types';
export { LEAKY_SLOPE } from './leaky-relu';

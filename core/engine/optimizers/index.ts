/** The optimizer registry: one record per entry of the spec's OPTIMIZERS. */
import type { OptimizerKind } from '../../api/spec';
import type { OptimizerDef } from './types';
import { sgd } from './sgd';
import { momentum } from './momentum';
import { adam } from './adam';
import { rmsprop } from './rmsprop';

export const OPTIMIZER_DEFS: Record<OptimizerKind, OptimizerDef> = { sgd, momentum, adam, rmsprop };

export function optimizer(name: OptimizerKind): OptimizerDef {
  const def = OPTIMIZER_DEFS[name];
  if (!def) throw new Error(`Unknown optimizer "${String(name)}"`);
  return def;
}

export type { OptimizerDef } from './types';

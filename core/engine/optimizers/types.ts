import type { OptimizerKind } from '../../api/spec';
import type { Tensor } from '../tf';

/**
 * One optimizer: per-parameter state slots (e.g. Adam's m and v) and an update returning the new parameter
 * and slots. Written over plain tensors so the state serialises into checkpoints as named arrays.
 */
export interface OptimizerDef {
  name: OptimizerKind;
  slots: readonly string[];
  /** step is 1-based (Adam's bias correction needs it). */
  update(p: Tensor, g: Tensor, slots: Tensor[], lr: number, step: number): { p: Tensor; slots: Tensor[] };
}

/** The cell registry: one record per entry of the spec's CELLS. */
import type { Cell } from '../../api/spec';
import type { CellDef } from './types';
import { rnnCell } from './rnn';
import { lstmCell } from './lstm';
import { gruCell } from './gru';

export const CELL_DEFS: Record<Cell, CellDef> = { rnn: rnnCell, lstm: lstmCell, gru: gruCell };

export function cell(name: Cell): CellDef {
  const def = CELL_DEFS[name];
  if (!def) throw new Error(`Unknown cell "${String(name)}"`);
  return def;
}

export type { CellDef, CellState, StepRecord, StepGrads, StepWeights } from './types';

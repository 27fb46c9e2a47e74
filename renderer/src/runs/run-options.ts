/**
 * The filter choices of the Runs table. The renderer may not import core's runtime constants, so they are
 * repeated here; the `satisfies` clauses and the `Exact` checks make tsc fail if core adds or renames one.
 */
import type { RunQuery } from '../../../core/api/contract';
import type { RunStatus } from '../../../core/api/records';
import type { Activation, Cell, Initialiser, TaskKind } from '../../../core/api/spec';

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const exact = <T extends true>(): T => true as T;

export const STATUSES = [
  'queued',
  'running',
  'completed',
  'stopped',
  'diverged',
  'failed',
  'interrupted',
  'imported',
] as const satisfies readonly RunStatus[];
export const TASKS = ['adding', 'copy', 'latch', 'smnist', 'sine', 'csv'] as const satisfies readonly TaskKind[];
export const CELL_OPTIONS = ['rnn', 'lstm', 'gru'] as const satisfies readonly Cell[];
export const ACTIVATION_OPTIONS = [
  'tanh',
  'sigmoid',
  'relu',
  'leaky_relu',
  'elu',
  'linear',
] as const satisfies readonly Activation[];
export const INIT_OPTIONS = [
  'xavier_uniform',
  'xavier_normal',
  'he_normal',
  'orthogonal',
  'identity',
  'normal',
] as const satisfies readonly Initialiser[];

exact<Exact<(typeof STATUSES)[number], RunStatus>>();
exact<Exact<(typeof TASKS)[number], TaskKind>>();
exact<Exact<(typeof CELL_OPTIONS)[number], Cell>>();
exact<Exact<(typeof ACTIVATION_OPTIONS)[number], Activation>>();
exact<Exact<(typeof INIT_OPTIONS)[number], Initialiser>>();

/** Columns the host can sort by (RunQuerySchema.sort); other columns are not sortable across pages. */
export type SortKey = NonNullable<RunQuery['sort']>;
export type SortOrder = NonNullable<RunQuery['order']>;

export const PAGE_SIZES = [50, 100, 250, 500] as const;

/** The filters a user sets; `RunQuery` minus paging and sorting. */
export interface RunFilterState {
  text: string;
  status: RunStatus[];
  task: TaskKind[];
  cell: Cell[];
  activation: Activation[];
  init: Initialiser[];
  tag: string[];
}

export const EMPTY_FILTERS: RunFilterState = {
  text: '',
  status: [],
  task: [],
  cell: [],
  activation: [],
  init: [],
  tag: [],
};

export function hasFilters(f: RunFilterState): boolean {
  return (
    f.text.trim() !== '' ||
    f.status.length + f.task.length + f.cell.length + f.activation.length + f.init.length + f.tag.length > 0
  );
}

/** Only the set filters go on the wire, so the host's statement cache sees few shapes. */
export function toRunQuery(
  f: RunFilterState,
  sort: SortKey,
  order: SortOrder,
  offset: number,
  limit: number,
): RunQuery {
  const q: RunQuery = { sort, order, offset, limit };
  const text = f.text.trim();
  if (text) q.text = text;
  if (f.status.length) q.status = f.status;
  if (f.task.length) q.task = f.task;
  if (f.cell.length) q.cell = f.cell;
  if (f.activation.length) q.activation = f.activation;
  if (f.init.length) q.init = f.init;
  if (f.tag.length) q.tag = f.tag;
  return q;
}

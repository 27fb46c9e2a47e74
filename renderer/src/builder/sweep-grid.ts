/**
 * The sweep grid: spec path → the values to try, as startSweep takes it. The axes offered are the fields a
 * gradient study varies; the host expands the product of the axes into runs.
 */
import { ACTIVATION_NAMES, CELL_NAMES, CLIP_NAMES, INIT_NAMES, OPTIMIZER_NAMES, optionsOf } from './names';

export type Grid = Record<string, unknown[]>;

export type GridAxis =
  | { kind: 'enum'; path: string; label: string; options: [string, string][] }
  | { kind: 'numbers'; path: string; label: string; integer: boolean; placeholder: string };

export const GRID_AXES: readonly GridAxis[] = [
  { kind: 'enum', path: 'model.cell', label: 'Cell', options: optionsOf(CELL_NAMES) },
  { kind: 'enum', path: 'model.activation', label: 'Activation', options: optionsOf(ACTIVATION_NAMES) },
  { kind: 'enum', path: 'model.init.recurrent', label: 'Recurrent init', options: optionsOf(INIT_NAMES) },
  { kind: 'enum', path: 'train.optimizer', label: 'Optimizer', options: optionsOf(OPTIMIZER_NAMES) },
  { kind: 'enum', path: 'train.clip.mode', label: 'Clip mode', options: optionsOf(CLIP_NAMES) },
  { kind: 'numbers', path: 'train.seed', label: 'Seed', integer: true, placeholder: '1, 2, 3' },
  { kind: 'numbers', path: 'train.lr', label: 'Learning rate', integer: false, placeholder: '1e-3, 1e-2' },
  { kind: 'numbers', path: 'model.hidden', label: 'Hidden size', integer: true, placeholder: '32, 64, 128' },
  { kind: 'numbers', path: 'task.seqLen', label: 'Sequence length', integer: true, placeholder: '20, 50, 100' },
];

/** The axes with at least one value; the host rejects empty ones. */
export function activeGrid(grid: Grid): Grid {
  return Object.fromEntries(Object.entries(grid).filter(([, values]) => values.length > 0));
}

/** How many runs the grid makes: the product of its axes' sizes (0 with no axis). */
export function runCount(grid: Grid): number {
  const sizes = Object.values(activeGrid(grid)).map((v) => v.length);
  return sizes.length ? sizes.reduce((a, b) => a * b, 1) : 0;
}

/** "1, 2, 3" or "1e-3 1e-2" → numbers; a word that is not a number is reported, not dropped. */
export function parseNumberList(text: string, integer: boolean): { values: number[]; error: string | null } {
  const words = text.split(/[\s,;]+/).filter((w) => w !== '');
  const values: number[] = [];
  for (const w of words) {
    const n = Number(w);
    if (!Number.isFinite(n)) return { values, error: `“${w}” is not a number` };
    if (integer && !Number.isInteger(n)) return { values, error: `“${w}” is not a whole number` };
    if (!values.includes(n)) values.push(n);
  }
  return { values, error: null };
}

/** "cell × seed → 6 runs" */
export function describeGrid(grid: Grid): string {
  const active = activeGrid(grid);
  const keys = Object.keys(active);
  if (!keys.length) return 'No values to sweep over yet';
  const names = keys.map((k) => GRID_AXES.find((a) => a.path === k)?.label.toLowerCase() ?? k);
  const n = runCount(grid);
  return `${names.join(' × ')} → ${n} ${n === 1 ? 'run' : 'runs'}`;
}

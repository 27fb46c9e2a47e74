/**
 * The sweep grid: spec path → the values to try, as startSweep takes it. The axes offered are the fields a
 * gradient study varies; the host expands the product of the axes into runs.
 */
import {
  ACTIVATION_NAMES,
  CELL_NAMES,
  CLIP_NAMES,
  INIT_NAMES,
  OPTIMIZER_NAMES,
  optionsOf,
  tb,
  type BuilderKey,
} from './names';

export type Grid = Record<string, unknown[]>;

export type GridAxis =
  | { kind: 'enum'; path: string; label: string; options: [string, string][] }
  | { kind: 'numbers'; path: string; label: string; integer: boolean; placeholder: string };

const enumAxis = (path: string, label: BuilderKey, names: Record<string, string>): GridAxis => ({
  kind: 'enum',
  path,
  get label() {
    return tb(label);
  },
  // Read when shown, so the names follow the window's language.
  get options() {
    return optionsOf(names);
  },
});
const numbersAxis = (path: string, label: BuilderKey, integer: boolean, placeholder: string): GridAxis => ({
  kind: 'numbers',
  path,
  get label() {
    return tb(label);
  },
  integer,
  placeholder,
});

export const GRID_AXES: readonly GridAxis[] = [
  enumAxis('model.cell', 'grid.axis.cell', CELL_NAMES),
  enumAxis('model.activation', 'grid.axis.activation', ACTIVATION_NAMES),
  enumAxis('model.init.recurrent', 'grid.axis.recurrentInit', INIT_NAMES),
  enumAxis('train.optimizer', 'grid.axis.optimizer', OPTIMIZER_NAMES),
  enumAxis('train.clip.mode', 'grid.axis.clipMode', CLIP_NAMES),
  numbersAxis('train.seed', 'grid.axis.seed', true, '1, 2, 3'),
  numbersAxis('train.lr', 'grid.axis.lr', false, '1e-3, 1e-2'),
  numbersAxis('model.hidden', 'grid.axis.hidden', true, '32, 64, 128'),
  numbersAxis('task.seqLen', 'grid.axis.seqLen', true, '20, 50, 100'),
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
    if (!Number.isFinite(n)) return { values, error: tb('grid.notNumber', { word: w }) };
    if (integer && !Number.isInteger(n)) return { values, error: tb('grid.notWhole', { word: w }) };
    if (!values.includes(n)) values.push(n);
  }
  return { values, error: null };
}

/** "cell × seed → 6 runs" */
export function describeGrid(grid: Grid): string {
  const active = activeGrid(grid);
  const keys = Object.keys(active);
  if (!keys.length) return tb('grid.none');
  const names = keys.map((k) => GRID_AXES.find((a) => a.path === k)?.label.toLowerCase() ?? k);
  const n = runCount(grid);
  return tb('grid.summary', { axes: names.join(' × '), count: n });
}

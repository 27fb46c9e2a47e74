/** A sweep's grid (spec path → values) expanded into one full spec per combination, each validated. */
import { ExperimentSpecSchema, issuesFromZod, labError, labIssue, type ExperimentSpec } from '../api';

export interface SweepPoint {
  spec: ExperimentSpec;
  /** The grid values of this point, e.g. { "model.cell": "lstm", "train.seed": 2 }. */
  values: Record<string, unknown>;
  /** A readable name suffix: "cell=lstm seed=2". */
  label: string;
}

const MAX_POINTS = 1000;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

export function expandGrid(base: ExperimentSpec, grid: Record<string, unknown[]>): SweepPoint[] {
  const keys = Object.keys(grid);
  const total = keys.reduce((n, k) => n * grid[k]!.length, 1);
  if (total > MAX_POINTS)
    throw labError(
      'invalid_argument',
      'grid.tooMany',
      { total: String(total), max: String(MAX_POINTS) },
      { issues: [labIssue('grid', 'grid.tooManyIssue', { max: String(MAX_POINTS) })] },
    );
  let combos: Record<string, unknown>[] = [{}];
  for (const key of keys) combos = combos.flatMap((c) => grid[key]!.map((v) => ({ ...c, [key]: v })));
  return combos.map((values) => {
    const draft = structuredClone(base) as unknown as Record<string, unknown>;
    for (const [path, value] of Object.entries(values)) setPath(draft, path, value);
    const label = Object.entries(values)
      .map(([k, v]) => `${k.split('.').pop()}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' ');
    draft.name = `${base.name} ${label}`.slice(0, 200);
    const parsed = ExperimentSpecSchema.safeParse(draft);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error).map((i) => ({ path: `grid.${i.path}`, message: i.message }));
      const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw labError('invalid_argument', 'grid.badSpec', { label, detail }, { issues });
    }
    return { spec: parsed.data, values, label };
  });
}

/**
 * How a group of runs that differ only by seed is named, in the window's charts and in exported figures
 * alike. Pure and dependency-free: the renderer imports it at run time (see eslint.config.js).
 */
export interface NamedRun {
  name: string;
  cell: string;
  activation: string;
  init: string;
}

/** The shared start of the runs' names ("tanh orth seed 1", "tanh orth seed 2" → "tanh orth"), else their config. */
export function groupLabel(runs: readonly NamedRun[]): string {
  const names = runs.map((r) => r.name);
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = prefix.replace(/[\s_\-:/,(]*(seed|s)?\s*[=:]?\s*$/i, '').trim();
  const first = runs[0];
  const base = prefix.length >= 3 || !first ? prefix : `${first.cell} ${first.activation} ${first.init}`;
  return `${base} (n = ${runs.length})`;
}

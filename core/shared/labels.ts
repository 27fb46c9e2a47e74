/**
 * How a group of runs that differ only by seed is named, in the window's charts and in exported figures
 * alike. Pure and dependency-free: the renderer imports it at run time (see eslint.config.js).
 */
import type { Lang } from './lang';

export interface NamedRun {
  name: string;
  cell: string;
  activation: string;
  init: string;
  clip?: string;
  task?: string;
  /** The run's spec, where the caller has it (RunDetail): every field can tell groups apart, not only the summary's. */
  spec?: unknown;
}

export type Flat = Map<string, string>;

/** The words of a group label, so a figure or the window can give them in its language (English here). */
export interface GroupWords {
  /** The seed count after the group's name, with its own leading space where the language wants one. */
  count(n: number): string;
  /** How many more fields tell the groups apart than the label names, likewise. */
  more(k: number): string;
}

export const ENGLISH_GROUP_WORDS: GroupWords = { count: (n) => ` (n = ${n})`, more: (k) => ` +${k} more` };

/** Per language, for the figures (core/figures/words.ts) and the window alike: `groupLabels(groups, GROUP_WORDS[lang])`. */
export const GROUP_WORDS: Readonly<Record<Lang, GroupWords>> = {
  en: ENGLISH_GROUP_WORDS,
  'zh-CN': { count: (n) => `（${n} 个种子）`, more: (k) => ` +${k} 项` },
};

/** `{ model: { cell: 'rnn', init: { gain: 1 } } }` → model.cell = "rnn", model.init.gain = "1". Arrays stay whole. */
export function flattenSpec(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flattenSpec(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** The shared start of the runs' names ("tanh orth seed 1", "tanh orth seed 2" → "tanh orth"), else their config. */
export function groupLabel(runs: readonly NamedRun[], words: GroupWords = ENGLISH_GROUP_WORDS): string {
  const names = runs.map((r) => r.name);
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = prefix.replace(/[\s_\-:/,(]*(seed|s)?\s*[=:]?\s*$/i, '').trim();
  const first = runs[0];
  const base = prefix.length >= 3 || !first ? prefix : `${first.cell} ${first.activation} ${first.init}`;
  return `${base}${words.count(runs.length)}`;
}

/** A run's fields as dotted paths: its spec when known, else the summary's own fields. */
function fieldsOf(r: NamedRun): Flat {
  if (r.spec !== undefined) return flattenSpec(r.spec);
  const out: Flat = new Map([
    ['task', r.task ?? ''],
    ['cell', r.cell],
    ['activation', r.activation],
    ['init', r.init],
    ['clip', r.clip ?? ''],
  ]);
  return out;
}

/** Fields named in a label at most; more would make a legend entry longer than the plot is wide. */
const MAX_FIELDS = 3;
const IGNORED = new Set(['name', 'seed', 'train.seed']);

/**
 * One label per group (each a list of seeds of one spec): the fields in which the group differs from the
 * other groups (`cell=rnn (n = 3)`, `cell=lstm (n = 3)`), named by their last path segment unless two share
 * it. Fields that vary inside a group (the seed) tell nothing about it and are left out. With nothing to
 * tell groups apart (one group), the runs' shared name as groupLabel gives it.
 */
export function groupLabels(
  groups: readonly (readonly NamedRun[])[],
  words: GroupWords = ENGLISH_GROUP_WORDS,
): string[] {
  const flats = groups.map((members) => members.map(fieldsOf));
  const paths = new Set<string>();
  for (const g of flats) for (const f of g) for (const p of f.keys()) paths.add(p);
  const constantIn = (g: Flat[], p: string) => new Set(g.map((f) => f.get(p) ?? '∅')).size === 1;
  const telling = [...paths].filter(
    (p) =>
      !IGNORED.has(p) &&
      flats.every((g) => constantIn(g, p)) &&
      new Set(flats.map((g) => g[0]?.get(p) ?? '∅')).size > 1,
  );
  if (groups.length < 2 || !telling.length) return groups.map((members) => groupLabel(members, words));
  const last = (p: string) => p.slice(p.lastIndexOf('.') + 1);
  const key = (p: string) => (telling.filter((q) => last(q) === last(p)).length > 1 ? p : last(p));
  const shown = telling.slice(0, MAX_FIELDS);
  const more = telling.length - shown.length;
  return groups.map((members, gi) => {
    const parts = shown.map((p) => `${key(p)}=${flats[gi]![0]?.get(p) ?? '∅'}`);
    return `${parts.join(', ')}${more > 0 ? words.more(more) : ''}${words.count(members.length)}`;
  });
}

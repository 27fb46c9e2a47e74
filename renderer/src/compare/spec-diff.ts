/** Which spec fields differ between runs: each spec flattened to dotted paths, only unequal paths kept. */

export type Flat = Map<string, string>;

/** `{ model: { cell: 'rnn', init: { gain: 1 } } }` → model.cell = "rnn", model.init.gain = "1". Arrays stay whole. */
export function flattenSpec(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenSpec(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** Paths whose value is not the same in every spec (absent counts as a value), in the specs' field order. */
export function differingPaths(flats: readonly Flat[], ignore: readonly string[] = ['name']): string[] {
  // A Set keeps insertion order: the first spec's field order, then fields only later specs have.
  const paths = new Set<string>();
  for (const f of flats) for (const p of f.keys()) paths.add(p);
  return [...paths].filter((p) => !ignore.includes(p) && new Set(flats.map((f) => f.get(p) ?? '∅')).size > 1);
}

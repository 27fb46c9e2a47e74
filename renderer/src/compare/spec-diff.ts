/** Which spec fields differ between runs: each spec flattened to dotted paths, only unequal paths kept. */
import type { Flat } from '../../../core/shared/labels';

// One flattening for this table and for the seed groups' labels (core/shared/labels.ts), so both name the
// same fields.
export { flattenSpec, type Flat } from '../../../core/shared/labels';

/** Paths whose value is not the same in every spec (absent counts as a value), in the specs' field order. */
export function differingPaths(flats: readonly Flat[], ignore: readonly string[] = ['name']): string[] {
  // A Set keeps insertion order: the first spec's field order, then fields only later specs have.
  const paths = new Set<string>();
  for (const f of flats) for (const p of f.keys()) paths.add(p);
  return [...paths].filter((p) => !ignore.includes(p) && new Set(flats.map((f) => f.get(p) ?? '∅')).size > 1);
}

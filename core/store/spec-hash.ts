/**
 * The canonical hash of a spec: what makes two runs "the same experiment". Seeds and names differ between
 * repetitions, so they are left out. It hashes a parsed spec (defaults filled in by the schema at the trust
 * boundary), so `{}` and the fully written default spec hash alike once parsed; it never parses itself.
 */
import { createHash } from 'node:crypto';
import type { ExperimentSpec } from '../api/spec';

/** JSON with object keys sorted at every depth and `undefined` fields dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** sha256 (hex) of the canonical spec without `name` and `train.seed`. */
export function specHash(spec: ExperimentSpec): string {
  const { name: _name, train, ...rest } = spec;
  const { seed: _seed, ...trainRest } = train;
  return createHash('sha256')
    .update(canonicalJson({ ...rest, train: trainRest }))
    .digest('hex');
}

/** The value at a dotted path such as `model.cell`, or undefined. */
export function valueAtPath(spec: unknown, path: string): unknown {
  let v: unknown = spec;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

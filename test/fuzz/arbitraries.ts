/**
 * Hostile values for fuzzing: random JSON-ish trees with wrong types, NaN/±Infinity (as the wire sends
 * them), huge strings and arrays, prototype keys and deep nesting; and mutations of a valid value at one
 * of its paths. Objects are built with defineProperty, so a `__proto__` key is a real own key and is sent.
 */
import fc from 'fast-check';

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Nested `depth` levels deep, built without recursion. */
export function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

export const strangeNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  5e-324,
  1.5,
  -1,
  0,
);

export const strangeLeaf: fc.Arbitrary<unknown> = fc.oneof(
  strangeNumber,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'x'.repeat(300_000),
    '../../etc/passwd',
    "'; DROP TABLE runs; --",
    '%s%s%n',
    '\uD800',
    'NaN',
    'Infinity',
    '2026-13-45T99:99:99Z',
  ),
  fc.constantFrom(PROTO_KEYS[0]!, PROTO_KEYS[1]!),
);

const key = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('runId', 'spec', 'name', 'id', 'base64', 'limit', 'bytes') },
);

/** Random trees of hostile leaves; plus a few fixed monsters (huge arrays, deep nesting). */
export const hostileValue: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof({ maxDepth: 3, depthSize: 'small' }, strangeLeaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectOf),
  }))
  .value.chain((v) =>
    fc.oneof(
      { weight: 20, arbitrary: fc.constant(v) },
      { weight: 1, arbitrary: fc.constant(new Array(200_000).fill(0)) },
      { weight: 1, arbitrary: fc.constant(deep(60, 'array')) },
      { weight: 1, arbitrary: fc.constant(deep(60, 'object')) },
    ),
  );

type Path = (string | number)[];

/** Paths to mutate at: not into huge arrays nor past a modest depth (the monsters are mutations already). */
function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (prefix.length > 12) return out;
  if (Array.isArray(v)) v.slice(0, 20).forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...prefix, k], out);
  return out;
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === 'object') return objectOf(Object.entries(v).map(([k, x]) => [k, clone(x)] as const));
  return v;
}

type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'addKey'; key: string; value: unknown }
  | { kind: 'wrap' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: hostileValue.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 2,
    arbitrary: fc.tuple(key, hostileValue).map(([k, value]) => ({ kind: 'addKey' as const, key: k, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
);

function apply(valid: unknown, path: Path, m: Mutation): unknown {
  const root = clone(valid);
  const at = (v: unknown, p: Path): unknown =>
    p.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v);
  if (path.length === 0) {
    if (m.kind === 'replace') return m.value;
    if (m.kind === 'wrap') return [root];
    if (m.kind === 'delete') return undefined;
  }
  const parent = path.length ? at(root, path.slice(0, -1)) : null;
  const last = path[path.length - 1]!;
  const target = path.length ? at(root, path) : root;
  switch (m.kind) {
    case 'replace':
      (parent as Record<string | number, unknown>)[last] = m.value;
      break;
    case 'wrap':
      (parent as Record<string | number, unknown>)[last] = [target];
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete (parent as Record<string, unknown>)[last as string];
      break;
    case 'addKey': {
      const host = target !== null && typeof target === 'object' && !Array.isArray(target) ? target : parent;
      if (host !== null && typeof host === 'object' && !Array.isArray(host))
        Object.defineProperty(host, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      break;
    }
  }
  return root;
}

/** One or two mutations of `valid`, each at a path chosen among all of its paths. */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const one = (v: unknown) => {
    const all = paths(v);
    return fc.tuple(fc.nat({ max: all.length - 1 }), mutation).map(([i, m]) => apply(v, all[i]!, m));
  };
  return fc.oneof(
    { arbitrary: one(valid), weight: 3 },
    { arbitrary: one(valid).chain((v) => (v !== null && typeof v === 'object' ? one(v) : fc.constant(v))), weight: 1 },
  );
}

/** Nesting far deeper than any caller needs (stack-hungry parsers and validators meet it here), as JSON text. */
const deepText = (depth: number, key: string): string => `{"${key}":${'['.repeat(depth)}1${']'.repeat(depth)}}`;

/** Bodies that are not JSON at all, or not what the wire codec expects. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    deepText(20_000, 'spec'),
    deepText(20_000, 'runId'),
    deepText(5_000, 'settings'),
    `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  ),
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    '{',
    '[1,2',
    '{"a":}',
    'null',
    'true',
    '"x"',
    '1e999',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '\uFEFF{}',
    '{}'.padEnd(10_000, ' '),
    '['.repeat(100_000),
  ),
);

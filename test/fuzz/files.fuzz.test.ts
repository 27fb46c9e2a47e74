/**
 * Files from outside: bundles (truncated, bit-flipped, with wrong versions and mutated contents) through
 * importBundle over real HTTP, and CSV task files through the one CSV parser. A refusal is a coded error of
 * bounded length that changes nothing stored; a CSV error quotes at most the offending field, shortened,
 * never a whole line of the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import zlib from 'node:zlib';
import { LabError, fromWire, toWire } from '../../core/api';
import { parseCsv } from '../../core/tasks/csv';
import { FUZZ_SEED, runsOr, startFuzzLab, type FuzzLab } from './harness';
import { mutated } from './arbitraries';

let f: FuzzLab;
let bundle: Buffer;
beforeAll(async () => {
  f = await startFuzzLab();
  const r = await f.call('exportBundle', toWire({ runIds: [f.runIds[0]] }));
  if (!r.envelope.ok) throw new Error('seed export failed');
  bundle = Buffer.from((r.envelope.result as { bytes: Uint8Array }).bytes);
});
afterAll(async () => {
  await f?.close();
});

const truncated = fc.nat().map((n) => bundle.subarray(0, n % bundle.length));
const flipped = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 })
  .map((flips) => {
    const b = Buffer.from(bundle);
    for (const [i, bit] of flips) b[i % b.length]! ^= 1 << bit;
    return b;
  });
const versions = fc
  .record({
    version: fc.oneof(fc.constantFrom(0, -1, 2, 1.5, '1', null, 2 ** 31, Number.NaN), fc.anything()),
    format: fc.oneof(fc.constant('gradlab-bundle'), fc.string(), fc.constant('y'.repeat(100_000))),
  })
  .map(({ version, format }) => {
    const doc = fromWire(zlib.gunzipSync(bundle).toString('utf8')) as Record<string, unknown>;
    return zlib.gzipSync(toWire({ ...doc, version, format }));
  });
const contents = fc
  .constant(null)
  .chain(() => mutated(fromWire(zlib.gunzipSync(bundle).toString('utf8'))))
  .map((doc) => zlib.gzipSync(toWire(doc ?? null)));
const notGzip = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
  fc.constant(zlib.gzipSync(Buffer.from('not json'))),
  fc.constant(zlib.gzipSync(Buffer.from('[1,2,3]'))),
);

describe('bundles under fuzzing, through importBundle over HTTP', () => {
  it('refuses every broken bundle with a coded error and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(truncated, flipped, versions, contents, notGzip), async (bytes) => {
        if (bytes.length === 0) return;
        const before = f.checksum();
        const reply = await f.call('importBundle', toWire({ bytes }));
        expect(reply.status).not.toBe(500);
        if (reply.envelope.ok) return; // a harmless flip (gzip's mtime byte) imports a copy: allowed
        const err = reply.envelope.error;
        expect(err.code, err.message).toBe('invalid_argument');
        expect(err.message.length).toBeLessThanOrEqual(4000);
        expect(f.checksum()).toBe(before);
      }),
      { seed: FUZZ_SEED, numRuns: runsOr(60), endOnFailure: true },
    );
  });
});

const field = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'NaN',
      '-Infinity',
      'inf',
      '1e39',
      '0x10',
      'abc',
      '"1"',
      '1,5',
      '# classes=3',
      '# classes=1',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('z'.repeat(100_000), '9'.repeat(400), `# classes=${'7'.repeat(5000)}`) },
);
const csvText = fc
  .tuple(
    fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([rows, eol, classes]) => (classes ? `# classes=3${eol}` : '') + rows.map((r) => r.join(',')).join(eol));

describe('CSV files under fuzzing', () => {
  it('parses or refuses with a message that quotes a field shortened, never a whole line', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        let error: unknown = null;
        try {
          parseCsv(text, 'data.csv');
        } catch (e) {
          error = e;
        }
        if (error === null) return;
        expect(error).toBeInstanceOf(LabError);
        const e = error as LabError;
        expect(e.code).toBe('invalid_argument');
        expect(e.issues).toEqual([{ path: 'task.path', message: e.message, text: e.text }]);
        expect(e.message.length).toBeLessThanOrEqual(400);
        for (const line of text.split(/\r?\n|\r/))
          if (line.trim().length > 40) expect(e.message).not.toContain(line.trim());
        for (const quoted of e.message.match(/"[^"]*"/g) ?? []) expect(quoted.length).toBeLessThanOrEqual(40);
      }),
      { seed: FUZZ_SEED, numRuns: runsOr(300) },
    );
  });
});

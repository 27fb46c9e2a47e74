/**
 * Every LabApi method (the contract's list, so a new method is fuzzed as soon as it exists) through the
 * real HTTP server: random, mutated and malformed arguments. Each call is answered with an envelope; a
 * refusal carries a code (never `internal`, never HTTP 500) and, when the contract's schema refused the
 * arguments, the field paths; a refused call (and any read) leaves every table of the database unchanged.
 *
 * Fixed seed and a bounded count here; `FUZZ_RUNS=N` runs N cases per method, `FUZZ_SEED` another seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES, LAB_METHODS, LAB_METHOD_NAMES, fromWire, toWire, type LabMethodName } from '../../core/api';
import { FUZZ_SEED, TINY_SPEC, runsOr, startFuzzLab, type FuzzLab } from './harness';
import { hostileValue, mutated, rawBody } from './arbitraries';

let f: FuzzLab;
let bundleBytes = new Uint8Array();
beforeAll(async () => {
  f = await startFuzzLab();
  const r = await f.call('exportBundle', toWire({ runIds: [f.runIds[0]] }));
  if (!r.envelope.ok) throw new Error('seed export failed');
  bundleBytes = (r.envelope.result as { bytes: Uint8Array<ArrayBuffer> }).bytes;
});
afterAll(async () => {
  await f?.close();
});

/** A valid call of each method the fuzzer mutates from; methods missing here are fuzzed from `{}`. */
const VALID: Partial<Record<LabMethodName, () => unknown>> = {
  health: () => ({}),
  engineInfo: () => ({}),
  validateSpec: () => ({ spec: TINY_SPEC }),
  startRun: () => ({ spec: TINY_SPEC }),
  stopRun: () => ({ runId: f.runIds[0] }),
  resumeRun: () => ({ runId: f.runIds[1] }),
  deleteRun: () => ({ runId: f.runIds[1] }),
  renameRun: () => ({ runId: f.runIds[0], name: 'renamed' }),
  tagRun: () => ({ runId: f.runIds[0], add: ['a'], remove: ['fuzz'] }),
  noteRun: () => ({ runId: f.runIds[0], note: 'a note' }),
  listRuns: () => ({
    text: 'fuzz',
    status: ['completed'],
    tag: ['fuzz'],
    sort: 'finalLoss',
    order: 'asc',
    limit: 10,
    offset: 0,
  }),
  getRun: () => ({ runId: f.runIds[0] }),
  getSeries: () => ({ runId: f.runIds[0], metrics: ['loss'], maxPoints: 10 }),
  getProfiles: () => ({ runId: f.runIds[0], steps: [10], latest: false, max: 5 }),
  startSweep: () => ({ name: 'sweep', base: TINY_SPEC, grid: { 'train.seed': [1, 2] } }),
  sweepSummary: () => ({ sweepId: f.sweepId, metric: 'loss' }),
  exportBundle: () => ({ runIds: [f.runIds[0]] }),
  importBundle: () => ({ bytes: bundleBytes }),
  exportSeriesCsv: () => ({ runId: f.runIds[0], metrics: ['loss'] }),
  exportFigure: () => ({ runIds: [f.runIds[0]], chart: 'loss', format: 'csv' }),
  listLessons: () => ({}),
  getLesson: () => ({ id: 1 }),
  runLesson: () => ({ id: 1, scale: 'reduced' }),
  getSeriesMany: () => ({ runIds: [f.runIds[0], 'unknown-run'], metrics: ['loss'], maxPoints: 10, details: true }),
};

/** Accepted calls of these change nothing stored. */
const READ_ONLY = new Set<string>([
  'health',
  'engineInfo',
  'validateSpec',
  'listRuns',
  'getRun',
  'getSeries',
  'getProfiles',
  'sweepSummary',
  'exportBundle',
  'exportSeriesCsv',
  'exportFigure',
  'listLessons',
  'getLesson',
  'getSeriesMany',
]);
/** These may be accepted (they change only the seeded rows); every other method is sent refused arguments only, so nothing starts training. */
const MAY_ACCEPT = new Set<string>([
  ...READ_ONLY,
  'stopRun',
  'deleteRun',
  'renameRun',
  'tagRun',
  'noteRun',
  'importBundle',
]);

type Input = { body: string } | { value: unknown };
const bodyOf = (i: Input): string => ('body' in i ? i.body : i.value === undefined ? '' : toWire(i.value));

function schemaRefuses(method: LabMethodName, body: string): boolean {
  let args: unknown;
  try {
    args = body.length ? fromWire(body) : {};
  } catch {
    return true;
  }
  return !LAB_METHODS[method].args.safeParse(args ?? {}).success;
}

function inputs(method: LabMethodName): fc.Arbitrary<Input> {
  const valid = VALID[method]?.() ?? {};
  const all = fc.oneof(
    { weight: 2, arbitrary: hostileValue.map((value): Input => ({ value })) },
    { weight: 4, arbitrary: mutated(valid).map((value): Input => ({ value })) },
    { weight: 1, arbitrary: rawBody.map((body): Input => ({ body })) },
  );
  return MAY_ACCEPT.has(method) ? all : all.filter((i) => schemaRefuses(method, bodyOf(i)));
}

describe('LabApi under fuzzing, over real HTTP', () => {
  it('fuzzes every method of the contract', () => {
    expect(LAB_METHOD_NAMES.length).toBeGreaterThanOrEqual(Object.keys(VALID).length);
  });

  for (const method of LAB_METHOD_NAMES) {
    it(`${method}: every answer is an envelope with a code; refusals change nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(inputs(method), async (input) => {
          const body = bodyOf(input);
          const refusedBySchema = schemaRefuses(method, body);
          const before = f.checksum();
          const reply = await f.call(method, body);
          expect(reply.status).not.toBe(500);
          if (reply.envelope.ok) {
            expect(refusedBySchema).toBe(false);
            if (READ_ONLY.has(method)) expect(f.checksum()).toBe(before);
            return;
          }
          const err = reply.envelope.error;
          expect(ERROR_CODES).toContain(err.code);
          expect(err.code, err.message).not.toBe('internal');
          expect(err.message.length).toBeGreaterThan(0);
          expect(err.message.length).toBeLessThanOrEqual(4000);
          if (refusedBySchema) {
            expect(err.code).toBe('invalid_argument');
            expect(err.issues?.length).toBeGreaterThan(0);
            expect(err.issues!.length).toBeLessThanOrEqual(20);
            for (const i of err.issues!) expect(typeof i.path).toBe('string');
          }
          expect(f.checksum()).toBe(before);
        }),
        { seed: FUZZ_SEED, numRuns: runsOr(15), endOnFailure: true },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('still answers afterwards', async () => {
    const r = await f.call('health', '{}');
    expect(r.envelope.ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api';
import { CHUNK_POINTS, LabStore } from '../../../core/store';
import type { StepMetrics } from '../../../core/api';
import { openStore, steps, tempPath } from './helpers';

const SPECIAL = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 5e-324, Number.MAX_VALUE, 1 / 3];

describe('series', () => {
  it('stores every step metric, with clipped as 0/1 and per-parameter norms as grad:<name>', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.appendSteps(r.id, steps(0, 30));
    expect(s.listMetrics(r.id)).toEqual([
      'loss',
      'heldoutLoss',
      'gradNorm',
      'clipped',
      'grad:layer0.Wh',
      'grad:readout.W',
    ]);
    const [held, clipped] = s.getSeries(r.id, { metrics: ['heldoutLoss', 'clipped'] });
    expect(held!.step).toEqual([0, 10, 20]);
    expect(clipped!.value.slice(0, 8)).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    expect(clipped!.wallMs[2]).toBe(25);
    expect(s.getRun(r.id).stepsDone).toBe(29);
  });

  it('reads NaN, ±Infinity, -0 and extreme doubles back bit-exact, after reopening', () => {
    const file = tempPath();
    const a = LabStore.open(file);
    const r = a.createRun({ spec: ExperimentSpecSchema.parse({}) });
    const batch: StepMetrics[] = SPECIAL.map((v, i) => ({
      step: i,
      wallMs: i,
      loss: v,
      gradNorm: -v,
      clipped: false,
      accuracy: v,
      paramGradNorms: { w: v },
    }));
    a.appendSteps(r.id, batch);
    a.close();
    const b = openStore(file);
    for (const series of b.getSeries(r.id, { metrics: ['loss', 'accuracy', 'grad:w'] }))
      expect(series.value).toEqual(SPECIAL);
    const neg = b.getSeries(r.id, { metrics: ['gradNorm'] })[0]!.value;
    expect(neg.map((v, i) => Object.is(v, -SPECIAL[i]!))).toEqual(SPECIAL.map(() => true));
    expect(Object.is(b.getSeries(r.id, { metrics: ['loss'] })[0]!.value[3], -0)).toBe(true);
  });

  it('spans chunks: many small batches read back in order, whole', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    const total = CHUNK_POINTS * 2 + 300;
    for (let from = 0; from < total; from += 100) s.appendSteps(r.id, steps(from, Math.min(100, total - from)));
    const loss = s.getSeries(r.id, { metrics: ['loss'] })[0]!;
    expect(loss.totalPoints).toBe(total);
    expect(loss.step).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(loss.value[total - 1]).toBe(1 / total);
    const big = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.appendSteps(big.id, steps(0, CHUNK_POINTS * 3 + 1));
    expect(s.getSeries(big.id, { metrics: ['gradNorm'] })[0]!.totalPoints).toBe(CHUNK_POINTS * 3 + 1);
  });

  it('refuses steps that go back, and changes nothing when it does', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.appendSteps(r.id, steps(0, 10));
    expect(() => s.appendSteps(r.id, steps(5, 10))).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('already has loss up to step 9') }),
    );
    expect(() =>
      s.appendPoints(r.id, [
        { metric: 'x', step: 1, value: 1, wallMs: 0 },
        { metric: 'x', step: 1, value: 2, wallMs: 0 },
      ]),
    ).toThrow(/must increase/);
    expect(s.getSeries(r.id, { metrics: ['loss'] })[0]!.totalPoints).toBe(10);
    expect(s.listMetrics(r.id)).not.toContain('x');
    expect(() => s.appendSteps('nope', steps(0, 1))).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('downsamples with LTTB to maxPoints, keeping the ends, the spike and the NaN', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    const n = 10_000;
    s.appendSteps(
      r.id,
      steps(0, n, (i) => (i === 4321 ? 50 : i === 9000 ? Number.NaN : Math.sin(i / 100))),
    );
    const loss = s.getSeries(r.id, { metrics: ['loss'], maxPoints: 500 })[0]!;
    expect(loss.totalPoints).toBe(n);
    expect(loss.step.length).toBeLessThanOrEqual(500);
    expect(loss.step.length).toBeGreaterThan(490);
    expect(loss.step[0]).toBe(0);
    expect(loss.step.at(-1)).toBe(n - 1);
    expect(loss.step).toContain(4321);
    expect(loss.value[loss.step.indexOf(9000)]).toBeNaN();
    expect(loss.wallMs[loss.step.indexOf(4321)]).toBe(4321 * 12.5);
    // Unknown metrics come back empty rather than failing the whole request.
    expect(s.getSeries(r.id, { metrics: ['nope'] })).toEqual([
      { metric: 'nope', step: [], value: [], wallMs: [], totalPoints: 0 },
    ]);
  });

  it('exports CSV with a header, blanks where a metric was not measured, and NaN/Infinity spelled out', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.appendSteps(r.id, [
      { step: 0, wallMs: 1.5, loss: 1, gradNorm: 2, clipped: false, heldoutLoss: 1.25 },
      { step: 1, wallMs: 3, loss: Number.NaN, gradNorm: Number.POSITIVE_INFINITY, clipped: true },
    ]);
    s.appendPoints(r.id, [{ metric: 'odd,"name"', step: 1, value: -Infinity, wallMs: 3 }]);
    const csv = s.exportSeriesCsv(r.id);
    expect(csv.fileName).toBe(`gradlab-${r.id}-series.csv`);
    expect(csv.text).toBe(
      [
        'step,wallMs,loss,heldoutLoss,gradNorm,clipped,"odd,""name"""',
        '0,1.5,1,1.25,2,0,',
        '1,3,NaN,,Infinity,1,-Infinity',
        '',
      ].join('\n'),
    );
    expect(s.exportSeriesCsv(r.id, ['gradNorm']).text).toBe('step,wallMs,gradNorm\n0,1.5,2\n1,3,Infinity\n');
  });
});

describe('truncateAfter (resume from a checkpoint)', () => {
  it('drops metrics, profiles and checkpoints after the step, inside a chunk too, and appends continue', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.appendSteps(r.id, steps(0, 1500));
    for (const step of [499, 999, 1499]) {
      s.saveProfile(r.id, { step, layers: [{ layer: 0, hNorms: [1, 2, 3], horizon: 2 }] });
      s.saveCheckpoint(r.id, { step, data: new Uint8Array([step % 256]) });
    }
    s.truncateAfter(r.id, 999);
    const loss = s.getSeries(r.id, { metrics: ['loss', 'horizon'] });
    expect(loss[0]!.totalPoints).toBe(1000);
    expect(loss[0]!.step.at(-1)).toBe(999);
    expect(loss[1]!.step).toEqual([499, 999]);
    expect(s.getProfiles(r.id).map((p) => p.step)).toEqual([499, 999]);
    expect(s.listCheckpointSteps(r.id)).toEqual([499, 999]);
    const d = s.getRun(r.id);
    expect(d.stepsDone).toBe(999);
    expect(d.lastCheckpointStep).toBe(999);
    s.appendSteps(r.id, steps(1000, 10));
    expect(s.getSeries(r.id, { metrics: ['loss'] })[0]!.totalPoints).toBe(1010);
    expect(s.integrityCheck()).toEqual(['ok']);
  });
});

describe('checkpoints', () => {
  it('keeps the latest few and returns bytes exactly', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    for (let step = 100; step <= 600; step += 100)
      s.saveCheckpoint(r.id, { step, data: new Uint8Array([step / 100, 0, 255]) });
    expect(s.listCheckpointSteps(r.id)).toEqual([400, 500, 600]);
    expect(s.getCheckpoint(r.id)).toEqual({ step: 600, data: new Uint8Array([6, 0, 255]) });
    expect(s.getCheckpoint(r.id, 400)?.data).toEqual(new Uint8Array([4, 0, 255]));
    expect(s.getCheckpoint(r.id, 100)).toBeNull();
    s.saveCheckpoint(r.id, { step: 700, data: new Uint8Array(1) }, 1);
    expect(s.listCheckpointSteps(r.id)).toEqual([700]);
  });
});

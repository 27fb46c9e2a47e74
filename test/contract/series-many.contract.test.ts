/**
 * getSeriesMany over both real bindings of one Lab reading a real history file through its reader thread:
 * one answer for many runs equals the per-run answers, unknown ids come back in `missing`, and the limits
 * refuse with invalid_argument naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, SERIES_MANY_MAX_RUNS } from '../../core/api';
import { createLab, type Lab } from '../../core/lab/lab';
import { forkLauncher } from '../../core/lab/fork-launcher';
import { LabStore } from '../../core/store';
import { tempDb } from '../core/lab/helpers';
import { failure, httpBinding, ipcBinding, type Binding } from './bindings';

let lab: Lab;
const bindings: Binding[] = [];
const ids: string[] = [];

beforeAll(async () => {
  const path = tempDb();
  const store = LabStore.open(path);
  for (let r = 0; r < 3; r++) {
    const run = store.createRun({ spec: ExperimentSpecSchema.parse({ name: `run ${r}` }) });
    store.markStarted(run.id, { backend: 'cpu', device: 'cpu' });
    const steps = Array.from({ length: 500 + r * 100 }, (_, i) => ({
      step: i,
      wallMs: i * 3,
      loss: 1 / (i + 1 + r),
      gradNorm: r === 2 && i === 7 ? Number.NaN : 0.5,
      clipped: false,
    }));
    store.appendSteps(run.id, steps);
    store.finishRun(run.id, { status: 'completed', final: { loss: 0.01 } });
    ids.push(run.id);
  }
  store.close();
  lab = createLab({ mode: 'test', version: '0.0.0-test', launcher: forkLauncher(), databasePath: path, readers: 1 });
  bindings.push(ipcBinding(lab.handlers, lab.subscribe), await httpBinding(lab.handlers, lab.subscribe));
});
afterAll(async () => {
  for (const b of bindings) await b.close();
  await lab.close();
});

describe.each(['ipc', 'http'] as const)('getSeriesMany over the %s binding', (name) => {
  const client = () => bindings.find((b) => b.name === name)!.client;

  it('answers what one getSeries per run answers, in the order asked, and lists unknown ids', async () => {
    const asked = [ids[2]!, 'no-such-run', ids[0]!];
    const many = await client().getSeriesMany({ runIds: asked, metrics: ['loss', 'gradNorm'], maxPoints: 50 });
    expect(many.missing).toEqual(['no-such-run']);
    expect(many.runs.map((r) => r.runId)).toEqual([ids[2], ids[0]]);
    for (const r of many.runs) {
      const one = await client().getSeries({ runId: r.runId, metrics: ['loss', 'gradNorm'], maxPoints: 50 });
      expect(r.series).toEqual(one.series);
      expect(r.detail).toBeUndefined();
    }
    expect(many.runs[0]!.series[0]!.step.length).toBeLessThanOrEqual(50);
  });

  it('answers each run’s detail when asked, the same as getRun', async () => {
    const many = await client().getSeriesMany({ runIds: ids, metrics: ['loss'], maxPoints: 10, details: true });
    expect(many.missing).toEqual([]);
    for (const r of many.runs) expect(r.detail).toEqual(await client().getRun({ runId: r.runId }));
  });

  it('refuses more than 100 runs, naming runIds', async () => {
    const runIds = Array.from({ length: SERIES_MANY_MAX_RUNS + 1 }, (_, i) => `r${i}`);
    const e = await failure(client().getSeriesMany({ runIds, maxPoints: 10 }));
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.issues).toEqual([expect.objectContaining({ path: 'runIds' })]);
  });

  it('refuses runIds × maxPoints above 1,000,000, naming maxPoints and the product', async () => {
    const runIds = Array.from({ length: 50 }, (_, i) => `r${i}`);
    const e = await failure(client().getSeriesMany({ runIds, maxPoints: 20_001 }));
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.issues).toEqual([expect.objectContaining({ path: 'maxPoints' })]);
    expect(e.message).toContain('runIds × maxPoints');
    expect(e.message).toContain('50 runs × 20001');
  });

  it('refuses an empty list and a missing maxPoints', async () => {
    const empty = await failure(client().getSeriesMany({ runIds: [], maxPoints: 10 }));
    expect(empty.issues).toEqual([expect.objectContaining({ path: 'runIds' })]);
    const noPoints = await failure(client().getSeriesMany({ runIds: [ids[0]!] } as never));
    expect(noPoints.issues).toEqual([expect.objectContaining({ path: 'maxPoints' })]);
  });
});

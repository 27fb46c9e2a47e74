/**
 * The run half of LabApi over both real bindings of one Lab with a real database: a run started through
 * either binding trains in a real engine process, its events reach the client, and the history answers
 * alike through IPC and HTTP, errors included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, eventRunId, type LabClient, type LabEvent, type LabHandlers } from '../../core/api';
import { createLab, type Lab } from '../../core/lab/lab';
import { forkLauncher } from '../../core/lab/fork-launcher';
import { tempDb, tinySpec } from '../core/lab/helpers';
import { failure, httpBinding, ipcBinding, type Binding } from './bindings';

let lab: Lab;
const bindings: Binding[] = [];
/** The bundle bytes as the lab produced and as it received them, beneath either binding. */
const exported: Uint8Array[] = [];
const importedBytes: Uint8Array[] = [];

beforeAll(async () => {
  lab = createLab({
    mode: 'test',
    version: '0.0.0-test',
    launcher: forkLauncher(),
    databasePath: tempDb(),
    concurrency: 2,
  });
  const handlers: LabHandlers = {
    ...lab.handlers,
    exportBundle: async (args) => {
      const file = await lab.handlers.exportBundle(args);
      exported.push(file.bytes);
      return file;
    },
    importBundle: async (args) => {
      importedBytes.push(args.bytes);
      return lab.handlers.importBundle(args);
    },
  };
  bindings.push(ipcBinding(handlers, lab.subscribe), await httpBinding(handlers, lab.subscribe));
});
afterAll(async () => {
  for (const b of bindings) await b.close();
  await lab.close();
});

/** Starts a run through a client and resolves with the events it saw for that run, up to its end. */
function trainThrough(client: LabClient, name: string): Promise<{ runId: string; events: LabEvent[] }> {
  return new Promise((resolve, reject) => {
    const seen: LabEvent[] = [];
    let runId = '';
    const off = client.onEvent((e) => {
      seen.push(e);
      if (
        runId &&
        eventRunId(e) === runId &&
        (e.type === 'run.finished' || e.type === 'run.failed' || e.type === 'run.diverged')
      ) {
        off();
        resolve({ runId, events: seen.filter((x) => eventRunId(x) === runId) });
      }
    });
    // Give the HTTP binding's socket a moment to connect before the run starts.
    setTimeout(() => {
      client
        .startRun({ spec: ExperimentSpecSchema.parse(tinySpec({ name, steps: 20 })) })
        .then((r) => (runId = r.id))
        .catch(reject);
    }, 300);
  });
}

describe('runs over both bindings', () => {
  it('train a run each, with its events streamed to the client that started it', async () => {
    const results = await Promise.all(bindings.map((b) => trainThrough(b.client, `via ${b.name}`)));
    for (const r of results) {
      const types = r.events.map((e) => e.type);
      expect(types).toContain('run.started');
      expect(types).toContain('run.steps');
      expect(types).toContain('run.profiles');
      expect(types.at(-1)).toBe('run.finished');
    }
  });

  it('answer the history alike', async () => {
    const [a, b] = await Promise.all(bindings.map((bd) => bd.client.listRuns({ sort: 'name', order: 'asc' })));
    expect(a).toEqual(b);
    expect(a!.runs.map((r) => r.name)).toEqual(['via http', 'via ipc']);
    const id = a!.runs[0]!.id;
    const [sa, sb] = await Promise.all(bindings.map((bd) => bd.client.getSeries({ runId: id, maxPoints: 10 })));
    expect(sa).toEqual(sb);
    expect(sa!.series.find((s) => s.metric === 'loss')!.step.length).toBeLessThanOrEqual(10);
    const [pa, pb] = await Promise.all(bindings.map((bd) => bd.client.getProfiles({ runId: id, latest: true })));
    expect(pa).toEqual(pb);
    expect(pa!.profiles).toHaveLength(1);
  });

  it('rename, tag and note through either, seen through the other', async () => {
    const [ipc, http] = bindings.map((b) => b.client) as [LabClient, LabClient];
    const { runs } = await ipc.listRuns({});
    const id = runs[0]!.id;
    await ipc.renameRun({ runId: id, name: 'renamed' });
    await http.tagRun({ runId: id, add: ['x'] });
    await ipc.noteRun({ runId: id, note: 'seen' });
    const [d1, d2] = await Promise.all([ipc.getRun({ runId: id }), http.getRun({ runId: id })]);
    expect(d1).toEqual(d2);
    expect(d1).toMatchObject({ name: 'renamed', tags: ['x'], note: 'seen' });
  });

  it('fail alike for a run that does not exist and for a stop with nothing to stop', async () => {
    const [a, b] = await Promise.all(bindings.map((bd) => failure(bd.client.getRun({ runId: 'no-such-run' }))));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: 'not_found', isError: true, issues: [] });
    expect(a!.shown).toBe(a!.message);
    expect(a!.message).toContain('no-such-run');
    const { runs } = await bindings[0]!.client.listRuns({});
    const [c, d] = await Promise.all(bindings.map((bd) => failure(bd.client.stopRun({ runId: runs[0]!.id }))));
    expect(c).toEqual(d);
    expect(c).toMatchObject({ code: 'conflict', isError: true });
    expect(c!.shown).toBe(c!.message);
  });

  it('carry the id and values of a lab message across both bindings', async () => {
    const bytes = new TextEncoder().encode('not a gzip file');
    const [a, b] = await Promise.all(bindings.map((bd) => failure(bd.client.importBundle({ bytes }))));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ name: 'LabError', code: 'invalid_argument', isError: true });
    expect(a!.message).toMatch(/^Not a gradlab bundle: the data is not a complete gzip file \(.+\)\.$/);
    expect(a!.text).toEqual({ id: 'bundle.notGzip', values: { detail: expect.any(String) } });
  });

  it('export a figure alike', async () => {
    const { runs } = await bindings[0]!.client.listRuns({});
    const req = { runIds: [runs[0]!.id], chart: 'loss' as const, format: 'svg' as const, settings: { size: 'single' } };
    const [a, b] = await Promise.all(bindings.map((bd) => bd.client.exportFigure(req)));
    expect(a).toEqual(b);
    expect(Buffer.from(a!.bytes).toString('utf8')).toContain('<svg');
  });

  it('carry a bundle export → import byte-identical, as bytes, through either', async () => {
    const { runs } = await bindings[0]!.client.listRuns({ sort: 'name', order: 'asc' });
    const runIds = runs.map((r) => r.id);
    for (const b of bindings) {
      exported.length = 0;
      importedBytes.length = 0;
      const file = await b.client.exportBundle({ runIds });
      expect(file.bytes, b.name).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(file.bytes).equals(Buffer.from(exported[0]!)), b.name).toBe(true);
      const { imported } = await b.client.importBundle({ bytes: file.bytes });
      expect(Buffer.from(importedBytes[0]!).equals(Buffer.from(exported[0]!)), b.name).toBe(true);
      expect(imported.map((r) => r.name).sort(), b.name).toEqual(runs.map((r) => r.name).sort());
    }
    const [a, b] = await Promise.all(
      bindings.map((bd) => failure(bd.client.importBundle({ bytes: new Uint8Array() }))),
    );
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: 'invalid_argument', issues: [{ path: 'bytes' }] });
  });
});

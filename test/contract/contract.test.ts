/**
 * One contract suite, run against both real bindings of the same Lab: IPC (the Electron binding over an
 * in-memory ipcMain/ipcRenderer pair) and HTTP (browser mode's server and client). Both must answer alike,
 * errors included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EngineInfoSchema, HealthSchema, REPLICATION_IDS, ReplicationSchema, type LabEvent } from '../../core/api';
import { createLab, type Lab } from '../../core/lab/lab';
import { EventHub } from '../../core/lab/event-hub';
import { forkLauncher } from '../../core/lab/fork-launcher';
import { failure, httpBinding, ipcBinding, type Binding } from './bindings';

let lab: Lab;
const hub = new EventHub();
const bindings: Binding[] = [];

beforeAll(async () => {
  lab = createLab({ mode: 'test', version: '0.0.0-test', launcher: forkLauncher(), databasePath: null });
  const subscribe = (l: (e: LabEvent) => void) => {
    const a = lab.subscribe(l);
    const b = hub.subscribe(l);
    return () => (a(), b());
  };
  bindings.push(ipcBinding(lab.handlers, subscribe), await httpBinding(lab.handlers, subscribe));
});

afterAll(async () => {
  for (const b of bindings) await b.close();
  await lab.close();
});

describe.each(['ipc', 'http'] as const)('the %s binding', (name) => {
  const client = () => bindings.find((b) => b.name === name)!.client;

  it('answers health()', async () => {
    const h = HealthSchema.parse(await client().health({}));
    expect(h).toMatchObject({ ok: true, version: '0.0.0-test', mode: 'test' });
  });

  it('answers engineInfo() with the backend the engine process chose', async () => {
    const info = EngineInfoSchema.parse(await client().engineInfo({}));
    expect(['tensorflow', 'wasm', 'cpu']).toContain(info.backend);
    expect(info.versions['tfjs-core']).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('validates a draft spec field by field', async () => {
    const r = await client().validateSpec({ spec: { model: { cell: 'transformer', hidden: 0 } } });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.path).sort()).toEqual(['model.cell', 'model.hidden']);
  });

  it('refuses bad arguments with invalid_argument naming the field', async () => {
    const e = await failure(client().getRun({ runId: 'bad id!' }));
    expect(e).toMatchObject({ name: 'LabError', code: 'invalid_argument', isError: true });
    expect(e.message).toContain('runId');
    // What the window prints is the message itself, never "[object Object]".
    expect(e.shown).toBe(e.message);
    expect(e.issues).toEqual([expect.objectContaining({ path: 'runId' })]);
  });

  it('delivers pushed events unchanged, NaN and Infinity included', async () => {
    const got: LabEvent[] = [];
    const off = client().onEvent((e) => got.push(e));
    // The HTTP binding's socket connects asynchronously: wait until it delivers.
    const event: LabEvent = {
      type: 'run.steps',
      runId: 'r1',
      stepsTotal: 10,
      steps: [{ step: 3, wallMs: 1, loss: Number.NaN, gradNorm: Number.POSITIVE_INFINITY, clipped: false }],
    };
    for (let i = 0; i < 100 && got.length === 0; i++) {
      hub.emit(event);
      await new Promise((r) => setTimeout(r, 20));
    }
    off();
    expect(got[0]).toEqual(event);
  });
});

describe('both bindings behave the same', () => {
  const both = <T>(f: (b: Binding) => Promise<T>) => Promise.all(bindings.map(f));

  it('for a malformed spec passed to startRun', async () => {
    const [a, b] = await both((bd) =>
      failure(bd.client.startRun({ spec: { train: { lr: -1 }, bogus: true } as never })),
    );
    expect(a).toEqual(b);
    expect(a).toMatchObject({ name: 'LabError', code: 'invalid_argument', isError: true });
    expect(a!.shown).toBe(a!.message);
    expect(a!.message).toMatch(/^Invalid .*spec\.train\.lr: /);
    expect((a!.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['spec', 'spec.train.lr']);
  });

  it('for validateSpec results', async () => {
    const [a, b] = await both((bd) => bd.client.validateSpec({ spec: { task: { kind: 'copy', seqLen: 5 } } }));
    expect(a).toEqual(b);
    expect(a!.ok).toBe(true);
  });

  it('for the replications list, with their papers and published figures', async () => {
    const [a, b] = await both((bd) => bd.client.listReplications({}));
    expect(a).toEqual(b);
    const list = z.object({ replications: z.array(ReplicationSchema) }).parse(a);
    expect(list.replications.map((r) => r.id)).toEqual([...REPLICATION_IDS]);
    const [one] = await both((bd) => bd.client.getReplication({ id: 'arjovsky-2016-copy' }));
    expect(one).toEqual(list.replications[4]);
  });

  it('for a replication id that does not exist, naming the field', async () => {
    const [a, b] = await both((bd) => failure(bd.client.getReplication({ id: 'hinton-2099' as never })));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: 'invalid_argument' });
    expect((a!.issues as { path: string }[]).map((i) => i.path)).toEqual(['id']);
  });

  it('for a replication started in a lab without a run history', async () => {
    const [a, b] = await both((bd) => failure(bd.client.runReplication({ id: 'le-2015-irnn', scale: 'smallest' })));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: 'unavailable' });
    expect(a!.message).toMatch(/replications need one/);
  });
});

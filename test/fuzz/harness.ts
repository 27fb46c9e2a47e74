/**
 * The fuzzing rig: a real lab on a temp database, seeded with two finished runs (steps, profiles, a
 * checkpoint) and a sweep, served by the real HTTP server in this process. Calls go out as raw request
 * bodies (so malformed JSON and prototype keys reach the server as sent); the database is checksummed by
 * a second, read-only connection.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  createDispatcher,
  TOKEN_HEADER,
  fromWire,
  type ExperimentSpecInput,
  ExperimentSpecSchema,
} from '../../core/api';
import { createLab, type Lab } from '../../core/lab/lab';
import { forkLauncher } from '../../core/lab/fork-launcher';
import { LabStore } from '../../core/store';
import { startLabServer, type LabServer } from '../../main/http/server';

/** Property runs per property: small and fixed in `npm test`, larger with FUZZ_RUNS=N. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 0;
export const runsOr = (n: number): number => FUZZ_RUNS || n;
export const FUZZ_SEED = Number(process.env.FUZZ_SEED) || 20261201;

export const TINY_SPEC: ExperimentSpecInput = {
  name: 'fuzz seed',
  task: { kind: 'adding', seqLen: 6 },
  model: { hidden: 6 },
  train: { steps: 20, batch: 8, checkpointEvery: 10 },
  probe: { every: 10, batch: 8 },
};

export interface Reply {
  status: number;
  envelope:
    | { ok: true; result: unknown }
    | { ok: false; error: { code: string; message: string; issues?: { path: string; message: string }[] } };
}

export interface FuzzLab {
  lab: Lab;
  server: LabServer;
  dbPath: string;
  runIds: [string, string];
  sweepId: string;
  /** POST /api/<method> with this exact body text. */
  call(method: string, body: string): Promise<Reply>;
  checksum(): string;
  close(): Promise<void>;
}

/** Every table's rows (but the open-labs register), sorted, hashed: equal checksums mean no row was added, changed or removed. */
export function tableChecksum(db: Database.Database): string {
  const hash = createHash('sha256');
  // lab_sessions holds which labs have the file open (their heartbeat moves every few seconds): not user data.
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name != 'lab_sessions' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    const rows = (
      db
        .prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`)
        .raw()
        .all() as unknown[][]
    ).map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? `blob:${v.toString('hex')}` : v))));
    rows.sort();
    hash.update(`${t}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

function seed(dbPath: string): { runIds: [string, string]; sweepId: string } {
  const store = LabStore.open(dbPath);
  const sweep = store.createSweep({
    name: 'fuzz sweep',
    base: ExperimentSpecSchema.parse(TINY_SPEC),
    grid: { 'train.seed': [1, 2] },
  });
  const ids = [0, 1].map((k) => {
    const run = store.createRun({
      spec: ExperimentSpecSchema.parse({ ...TINY_SPEC, train: { ...TINY_SPEC.train, seed: k + 1 } }),
      sweepId: sweep.id,
      tags: ['fuzz', `seed${k}`],
    });
    store.markStarted(run.id, { backend: 'cpu', device: 'fuzz' });
    store.appendSteps(
      run.id,
      Array.from({ length: 20 }, (_, i) => ({
        step: i + 1,
        loss: 1 / (i + 1 + k),
        gradNorm: 0.5 + i,
        clipped: false,
        wallMs: 10 * (i + 1),
      })),
    );
    store.saveProfile(run.id, {
      step: 10,
      layers: [
        {
          layer: 0,
          horizon: 3,
          hNorms: [1, 0.5, 0.25],
          jacobianBound: 0.9,
          sigmaMax: 0.8,
          spectralRadius: 0.7,
          saturation: 0.1,
        },
      ],
    });
    store.saveCheckpoint(run.id, { step: 10, data: new Uint8Array([1, 2, 3, 4]) });
    store.finishRun(run.id, {
      status: k === 0 ? 'completed' : 'diverged',
      final: { loss: k === 0 ? 0.05 : Number.NaN, steps: 20 },
      divergence: k === 0 ? null : { step: 20, tensor: 'loss' },
    });
    return run.id;
  });
  store.close();
  return { runIds: ids as [string, string], sweepId: sweep.id };
}

export async function startFuzzLab(): Promise<FuzzLab> {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-fuzz-'));
  const dbPath = join(dir, 'lab.db');
  const { runIds, sweepId } = seed(dbPath);
  const lab = createLab({
    mode: 'test',
    version: '0.0.0-fuzz',
    launcher: forkLauncher(),
    databasePath: dbPath,
    concurrency: 1,
  });
  const server = await startLabServer({
    dispatch: createDispatcher(lab.handlers, { checkResults: true }),
    subscribe: lab.subscribe,
    staticDir: null,
  });
  const reader = new Database(dbPath, { readonly: true });
  return {
    lab,
    server,
    dbPath,
    runIds,
    sweepId,
    async call(method, body) {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
        body,
      });
      const text = await res.text();
      return { status: res.status, envelope: fromWire(text) as Reply['envelope'] };
    },
    checksum: () => tableChecksum(reader),
    async close() {
      reader.close();
      await server.close();
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

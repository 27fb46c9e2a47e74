/**
 * Browser mode under load: the 10,000-run history served over HTTP while a run trains; a second process
 * (autocannon) fires 200 concurrent listRuns and getSeries calls for a bounded time. Prints p99 latency,
 * errors and non-2xx answers, and the training run's steps/s before and during the load (target: a drop of
 * at most 20%).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExperimentSpecSchema, createDispatcher, TOKEN_HEADER, type LabEvent } from '../core/api';
import { createLab } from '../core/lab/lab';
import { forkLauncher } from '../core/lab/fork-launcher';
import { startLabServer } from '../main/http/server';
import { writeHistory } from './history';

interface CannonResult {
  latency: { p99: number; p50: number; average: number };
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

function autocannon(
  url: string,
  token: string,
  body: string,
  connections: number,
  seconds: number,
): Promise<CannonResult> {
  const bin = path.resolve('node_modules/autocannon/autocannon.js');
  const args = [
    bin,
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    `${TOKEN_HEADER}=${token}`,
    '-H',
    'content-type=application/json',
    '-b',
    body,
    '--json',
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch {
        reject(new Error(`autocannon exited ${code} without a JSON report`));
      }
    });
  });
}

export async function benchLoad(log: (line: string) => void, seconds = 10): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-load-'));
  const dbPath = path.join(dir, 'lab.db');
  try {
    log('load: writing the 10,000-run history ...');
    const { bigRunId } = writeHistory(dbPath);
    const lab = createLab({
      mode: 'browser',
      version: '0.0.0-bench',
      launcher: forkLauncher(),
      databasePath: dbPath,
      concurrency: 1,
    });
    const server = await startLabServer({
      dispatch: createDispatcher(lab.handlers),
      subscribe: lab.subscribe,
      staticDir: null,
    });
    let steps = 0;
    const off = lab.subscribe((e: LabEvent) => {
      if (e.type === 'run.steps') steps += e.steps.length;
    });
    try {
      const run = await lab.handlers.startRun({
        spec: ExperimentSpecSchema.parse({
          name: 'under load',
          task: { kind: 'adding', seqLen: 20 },
          model: { hidden: 16 },
          train: { steps: 10_000_000, batch: 16 },
          probe: { every: 0 },
        }),
      });
      const started = Date.now();
      while (steps === 0 && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 200));
      const rate = async (ms: number) => {
        const s0 = steps;
        const t0 = performance.now();
        await new Promise((r) => setTimeout(r, ms));
        return ((steps - s0) * 1000) / (performance.now() - t0);
      };
      await rate(2000); // warm
      const before = await rate(seconds * 1000);
      const url = (m: string) => `http://127.0.0.1:${server.port}/api/${m}`;
      const during = rate(seconds * 1000);
      const [list, series] = await Promise.all([
        autocannon(url('listRuns'), server.token, JSON.stringify({ limit: 50, sort: 'finalLoss' }), 100, seconds),
        autocannon(
          url('getSeries'),
          server.token,
          JSON.stringify({ runId: bigRunId, metrics: ['loss'], maxPoints: 1000 }),
          100,
          seconds,
        ),
      ]);
      const duringRate = await during;
      await lab.handlers.stopRun({ runId: run.id });
      const drop = 1 - duringRate / before;
      for (const [name, r] of [
        ['listRuns', list],
        ['getSeries', series],
      ] as const) {
        log(
          `load: ${name.padEnd(9)} 100 connections × ${seconds} s: ${r.requests.total} calls, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
        );
      }
      log(
        `load: training ${before.toFixed(0)} steps/s before, ${duringRate.toFixed(0)} steps/s under load: ${(drop * 100).toFixed(0)}% drop (target ≤ 20%) ${drop <= 0.2 ? 'ok' : 'OVER'}`,
      );
      return {
        listP99: list.latency.p99,
        seriesP99: series.latency.p99,
        errors: list.errors + series.errors + list.non2xx + series.non2xx,
        stepsPerSecBefore: before,
        stepsPerSecDuring: duringRate,
        drop,
      };
    } finally {
      off();
      await server.close();
      await lab.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

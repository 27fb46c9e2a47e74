/**
 * Browser mode under load: the 10,000-run history served over HTTP while a run trains; a second process
 * (bench/load-client.ts) keeps 200 calls in flight on loopback, 100 listRuns (sorted by final loss) and 100
 * getSeries (the 1,000,000-step run's loss, thinned to 1,000 points), for a bounded time and count. Prints
 * p50/p95/p99 latency, errors and timeouts, and the training run's steps/s idle (before and after the load)
 * and under it (target: a drop of at most 20%).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExperimentSpecSchema, createDispatcher, TOKEN_HEADER, type LabEvent } from '../core/api';
import { createLab } from '../core/lab/lab';
import { forkLauncher } from '../core/lab/fork-launcher';
import { startLabServer } from '../main/http/server';
import { benchHistoryFile } from './history';
import type { LoadPlan, MethodReport } from './load-client';

const CONNECTIONS = 200;
const MAX_CALLS = 200_000;

function loadClient(plan: LoadPlan): Promise<Record<string, MethodReport>> {
  const args = ['--import', 'tsx', path.resolve('bench/load-client.ts'), JSON.stringify(plan)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    // Bounded: the client stops itself after plan.seconds; this is the backstop.
    const killer = setTimeout(() => child.kill('SIGKILL'), (plan.seconds + 120) * 1000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      try {
        resolve(JSON.parse(out) as Record<string, MethodReport>);
      } catch {
        reject(new Error(`the load client exited ${code} without a JSON report`));
      }
    });
  });
}

export async function benchLoad(log: (line: string) => void, seconds = 10): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-load-'));
  try {
    const { bigRunId, dbPath } = benchHistoryFile(dir, log);
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
      const during = rate(seconds * 1000);
      const report = await loadClient({
        port: server.port,
        token: server.token,
        tokenHeader: TOKEN_HEADER,
        connections: CONNECTIONS,
        seconds,
        maxCalls: MAX_CALLS,
        timeoutMs: 10_000,
        calls: [
          { method: 'listRuns', body: JSON.stringify({ limit: 50, sort: 'finalLoss' }) },
          { method: 'getSeries', body: JSON.stringify({ runId: bigRunId, metrics: ['loss'], maxPoints: 1000 }) },
        ],
      });
      const duringRate = await during;
      const after = await rate(seconds * 1000);
      await lab.handlers.stopRun({ runId: run.id });
      const idle = (before + after) / 2;
      const drop = 1 - duringRate / idle;
      const list = report.listRuns!;
      const series = report.getSeries!;
      const ms = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${x.toFixed(0)} ms`);
      for (const [name, r] of Object.entries(report)) {
        log(
          `load: ${name.padEnd(9)} ${CONNECTIONS / 2} clients × ${seconds} s: ${r.calls} calls, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
        );
      }
      log(
        `load: training ${before.toFixed(0)} steps/s idle before, ${after.toFixed(0)} after, ${duringRate.toFixed(0)} under load: ${(drop * 100).toFixed(0)}% drop vs idle (target ≤ 20%) ${drop <= 0.2 ? 'ok' : 'OVER'}`,
      );
      return {
        listP50: list.p50,
        listP95: list.p95,
        listP99: list.p99,
        seriesP50: series.p50,
        seriesP95: series.p95,
        seriesP99: series.p99,
        errors: list.errors + series.errors + list.timeouts + series.timeouts + list.non2xx + series.non2xx,
        stepsPerSecBefore: before,
        stepsPerSecAfter: after,
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

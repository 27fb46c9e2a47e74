/**
 * The engine process end to end: forked as the host forks it, it reports ready, trains a tiny run, stops and
 * exits. Steps arrive coalesced ('steps'), every one of them, in order, before the message that follows them.
 */
import { describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ExperimentSpecSchema } from '../../../core/api/spec';
import type { EngineToHost, HostToEngine } from '../../../core/engine/protocol';

const entry = fileURLToPath(new URL('../../../core/engine/process/entry.ts', import.meta.url));

describe('engine process', () => {
  it('forks, reports ready, trains a tiny run to done, then honours stop and shutdown', async () => {
    const child = fork(entry, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const events: EngineToHost[] = [];
    const waiters: { pred: (e: EngineToHost) => boolean; resolve: (e: EngineToHost) => void }[] = [];
    child.on('message', (m) => {
      const e = m as EngineToHost;
      events.push(e);
      for (const w of waiters.filter((x) => x.pred(e))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    });
    const next = (pred: (e: EngineToHost) => boolean) =>
      new Promise<EngineToHost>((resolve) => {
        const seen = events.find(pred);
        if (seen) resolve(seen);
        else waiters.push({ pred, resolve });
      });
    const send = (m: HostToEngine) => child.send(m);
    const stepsOf = (runId: string) =>
      events.flatMap((e) => (e.type === 'steps' && e.runId === runId ? e.steps.map((s) => s.step) : []));
    try {
      const ready = await next((e) => e.type === 'ready' || e.type === 'error');
      expect(ready.type).toBe('ready');
      if (ready.type === 'ready') expect(['wasm', 'cpu', 'tensorflow']).toContain(ready.info.backend);

      const spec = ExperimentSpecSchema.parse({
        task: { kind: 'adding', seqLen: 6 },
        model: { hidden: 6 },
        train: { steps: 12, batch: 4, evalEvery: 4, checkpointEvery: 6 },
        probe: { every: 6, batch: 4 },
      });
      send({ type: 'start', runId: 'p1', spec });
      const done = await next(
        (e) => (e.type === 'done' || e.type === 'error' || e.type === 'diverged') && e.runId === 'p1',
      );
      expect(done.type).toBe('done');
      expect(stepsOf('p1')).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(events.some((e) => e.type === 'steps' && e.steps.length > 1)).toBe(true);
      // A checkpoint of step s comes after step s and before step s + 1; a profile of step s travels in the
      // batch that holds step s, or in the first batch after it.
      const seen: number[] = [];
      const profiled: number[] = [];
      for (const e of events.filter((x) => 'runId' in x && x.runId === 'p1')) {
        if (e.type === 'steps') {
          const before = seen.at(-1) ?? 0;
          seen.push(...e.steps.map((s) => s.step));
          for (const p of e.profiles ?? []) {
            expect(p.step).toBeGreaterThanOrEqual(before);
            expect(p.step).toBeLessThanOrEqual(seen.at(-1) ?? 0);
            profiled.push(p.step);
          }
        }
        if (e.type === 'checkpoint') expect(seen.at(-1)).toBe(e.checkpoint.step);
        expect(e.type).not.toBe('profile');
      }
      const ck = events.find((e) => e.type === 'checkpoint');
      expect(ck?.type === 'checkpoint' && ck.checkpoint.data instanceof Uint8Array).toBe(true);
      expect(profiled).toEqual([0, 6, 12]);

      send({ type: 'start', runId: 'p2', spec: { ...spec, train: { ...spec.train, steps: 1_000_000 } } });
      await next((e) => e.type === 'steps' && e.runId === 'p2' && e.steps.at(-1)!.step >= 3);
      send({ type: 'stop' });
      const stopped = await next((e) => e.type === 'done' && e.runId === 'p2');
      expect(stopped.type === 'done' && stopped.status).toBe('stopped');
      // Nothing trained before the stop is held back: the last step heard is the one the run stopped at.
      const stopCheckpoint = events.filter((e) => e.type === 'checkpoint' && e.runId === 'p2').at(-1);
      const trained = stopCheckpoint?.type === 'checkpoint' ? stopCheckpoint.checkpoint.step : -1;
      expect(stepsOf('p2')).toEqual(Array.from({ length: trained }, (_, i) => i + 1));

      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      send({ type: 'shutdown' });
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });
});

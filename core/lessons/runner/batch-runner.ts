/**
 * Follows one launched batch for lessons and replications alike: steps done per run from `run.steps`, which
 * runs are training from `run.started`, and the end once every run has ended. The caller owns the batch's
 * registry and what "publish" means; this module owns the counting, so both families count alike.
 */
import type { LabEvent, RunSummary } from '../../api';
import { errorMessage } from '../../api/errors';
import type { ActiveBatch } from './progress';

export interface FollowDeps {
  subscribe(listener: (event: LabEvent) => void): () => void;
  whenEnded(runId: string): Promise<RunSummary>;
}

export interface FollowHooks {
  /** "lesson" or "replication": named in the errors. */
  what: string;
  /** Something changed (steps, a run started or ended): publish, throttled as the caller likes. */
  changed(): void;
  /** The batch is over: `error` when its runs could not be started or followed. */
  finish(error: string | null): void;
}

/** Launches the batch's runs and follows them; rejects (after finish) when they could not be started. */
export async function followBatch<S extends string>(
  deps: FollowDeps,
  act: ActiveBatch<S>,
  launch: () => Promise<RunSummary[]>,
  hooks: FollowHooks,
): Promise<RunSummary[]> {
  const ids = new Set<string>();
  const off = deps.subscribe((e) => {
    if (e.type === 'run.started' && ids.has(e.run.id) && !act.ended.has(e.run.id)) {
      act.training.add(e.run.id);
      return hooks.changed();
    }
    if (e.type !== 'run.steps' || !ids.has(e.runId)) return;
    // Steps prove something trains the run, even when its run.started came before its id was known here.
    if (!act.ended.has(e.runId)) act.training.add(e.runId);
    const last = e.steps[e.steps.length - 1];
    if (last) act.stepsDone.set(e.runId, Math.min(last.step, act.stepsTotal.get(e.runId) ?? last.step));
    hooks.changed();
  });
  const finish = (error: string | null) => {
    off();
    hooks.finish(error);
  };
  let runs: RunSummary[];
  try {
    runs = await launch();
  } catch (e) {
    finish(`Could not start the ${hooks.what}'s runs: ${errorMessage(e)}`);
    throw e;
  }
  for (const r of runs) {
    ids.add(r.id);
    act.stepsTotal.set(r.id, r.stepsTotal);
    act.stepsDone.set(r.id, 0);
  }
  act.total = runs.reduce((n, r) => n + r.stepsTotal, 0);
  void Promise.all(
    runs.map((r) =>
      deps.whenEnded(r.id).then((ended) => {
        // A run that ends early (diverged) has done all it will do.
        act.stepsDone.set(r.id, act.stepsTotal.get(r.id) ?? ended.stepsDone);
        act.training.delete(r.id);
        act.ended.add(r.id);
        hooks.changed();
      }),
    ),
  ).then(
    () => finish(null),
    (e: unknown) => finish(`The ${hooks.what}'s runs could not be followed: ${errorMessage(e)}`),
  );
  return runs;
}

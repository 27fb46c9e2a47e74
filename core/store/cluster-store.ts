/** The cluster's part of the history: which BullMQ jobs carried a run, and which worker trained each attempt. */
import type { RunAttempt } from '../api/cluster';
import type { StoreContext } from './db';

export function recordClusterJob(ctx: StoreContext, runId: string, jobId: string, at: string): void {
  ctx.stmt('INSERT OR IGNORE INTO cluster_jobs (job_id, run_id, created_at) VALUES (?, ?, ?)').run(jobId, runId, at);
}

/** The latest job of each run still `queued` or `running`: what a lab restarted on this file takes back. */
export function openClusterJobs(ctx: StoreContext): { runId: string; jobId: string }[] {
  return ctx
    .stmt(
      `SELECT j.run_id AS runId, j.job_id AS jobId FROM cluster_jobs j JOIN runs r ON r.id = j.run_id
        WHERE r.status IN ('queued', 'running')
          AND j.created_at = (SELECT MAX(created_at) FROM cluster_jobs k WHERE k.run_id = j.run_id)`,
    )
    .all() as { runId: string; jobId: string }[];
}

/** Jobs of runs that have ended whose Redis keys no lab cleared yet (it died first). */
export function unclearedClusterJobs(ctx: StoreContext, limit: number): string[] {
  return ctx
    .stmt(
      `SELECT j.job_id FROM cluster_jobs j JOIN runs r ON r.id = j.run_id
        WHERE j.keys_cleared = 0 AND r.status NOT IN ('queued', 'running') LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[];
}

export function markClusterJobsCleared(ctx: StoreContext, jobIds: string[]): void {
  const mark = ctx.stmt('UPDATE cluster_jobs SET keys_cleared = 1 WHERE job_id = ?');
  for (const id of jobIds) mark.run(id);
}

export function lastClusterJob(ctx: StoreContext, runId: string): string | null {
  const row = ctx
    .stmt('SELECT job_id AS jobId FROM cluster_jobs WHERE run_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
    .get(runId) as { jobId: string } | undefined;
  return row?.jobId ?? null;
}

/** Idempotent: a redelivered announcement of the same (run, attempt) changes nothing. True when it is new. */
export function recordAttempt(ctx: StoreContext, runId: string, a: Omit<RunAttempt, 'startedAt'>, at: string): boolean {
  return (
    ctx
      .stmt(
        `INSERT OR IGNORE INTO run_attempts (run_id, attempt, job_id, worker, host, backend, device, from_step, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(runId, a.attempt, a.jobId, a.worker, a.host, a.backend, a.device, a.fromStep, at).changes > 0
  );
}

export function listAttempts(ctx: StoreContext, runId: string): RunAttempt[] {
  return ctx
    .stmt(
      `SELECT attempt, job_id AS jobId, worker, host, backend, device, from_step AS fromStep, started_at AS startedAt
         FROM run_attempts WHERE run_id = ? ORDER BY attempt`,
    )
    .all(runId) as RunAttempt[];
}

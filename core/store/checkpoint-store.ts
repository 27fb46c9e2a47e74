/**
 * Checkpoints (weights + optimizer state, opaque bytes from the engine). Only the latest few are kept: a
 * resume needs the last one, and the earlier ones only guard against a checkpoint written as the host died.
 */
import { LabError } from '../api/errors';
import type { Checkpoint } from '../api/records';
import type { StoreContext } from './db';
import { truncateProfilesAfter } from './profile-store';
import { truncateSeriesAfter } from './series-store';

export const DEFAULT_KEEP_CHECKPOINTS = 3;

export function saveCheckpoint(
  ctx: StoreContext,
  runId: string,
  checkpoint: Checkpoint,
  at: string,
  keep = DEFAULT_KEEP_CHECKPOINTS,
): void {
  ctx.db
    .transaction(() => {
      if (!ctx.stmt('SELECT 1 FROM runs WHERE id = ?').get(runId))
        throw new LabError('not_found', `No run with id ${runId}.`);
      ctx
        .stmt('INSERT OR REPLACE INTO checkpoints (run_id, step, created_at, data) VALUES (?, ?, ?, ?)')
        .run(
          runId,
          checkpoint.step,
          at,
          Buffer.from(checkpoint.data.buffer, checkpoint.data.byteOffset, checkpoint.data.byteLength),
        );
      ctx
        .stmt(
          'DELETE FROM checkpoints WHERE run_id = ? AND step NOT IN (SELECT step FROM checkpoints WHERE run_id = ? ORDER BY step DESC LIMIT ?)',
        )
        .run(runId, runId, Math.max(1, keep));
    })
    .immediate();
}

export function latestCheckpointStep(ctx: StoreContext, runId: string): number | null {
  return (ctx.stmt('SELECT MAX(step) FROM checkpoints WHERE run_id = ?').pluck().get(runId) as number | null) ?? null;
}

/** The checkpoint at `step`, or the latest one; null if the run has none. */
export function getCheckpoint(ctx: StoreContext, runId: string, step?: number): Checkpoint | null {
  const row = (
    step === undefined
      ? ctx.stmt('SELECT step, data FROM checkpoints WHERE run_id = ? ORDER BY step DESC LIMIT 1').get(runId)
      : ctx.stmt('SELECT step, data FROM checkpoints WHERE run_id = ? AND step = ?').get(runId, step)
  ) as { step: number; data: Buffer } | undefined;
  return row ? { step: row.step, data: new Uint8Array(row.data) } : null;
}

export function listCheckpointSteps(ctx: StoreContext, runId: string): number[] {
  return ctx.stmt('SELECT step FROM checkpoints WHERE run_id = ? ORDER BY step').pluck().all(runId) as number[];
}

/**
 * Prepares a resume from the checkpoint at `step`: drops the metrics, profiles and later checkpoints written
 * after it, and sets stepsDone back to step, in one transaction.
 */
export function truncateAfter(ctx: StoreContext, runId: string, step: number): void {
  ctx.db
    .transaction(() => {
      if (!ctx.stmt('SELECT 1 FROM runs WHERE id = ?').get(runId))
        throw new LabError('not_found', `No run with id ${runId}.`);
      truncateSeriesAfter(ctx, runId, step);
      truncateProfilesAfter(ctx, runId, step);
      ctx.stmt('DELETE FROM checkpoints WHERE run_id = ? AND step > ?').run(runId, step);
      ctx.stmt('UPDATE runs SET steps_done = MIN(steps_done, ?) WHERE id = ?').run(step, runId);
    })
    .immediate();
}

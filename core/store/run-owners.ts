/**
 * Owners of runs: the lab that queues or trains a run claims it; a lab opening the database interrupts at
 * once the `running`/`queued` runs whose owner is on this host and dead (the heartbeat window stays for
 * owners on other hosts, and for runs written before owners were recorded).
 */
import type { RunSummary } from '../api/records';
import type { StoreContext } from './db';
import { ownerState, type RunOwner } from './owner';
import { getSummary } from './run-store';

export function claimRun(ctx: StoreContext, id: string, owner: RunOwner): void {
  ctx
    .stmt('UPDATE runs SET owner_host = ?, owner_pid = ?, owner_boot = ? WHERE id = ?')
    .run(owner.host, owner.pid, owner.boot, id);
}

export function ownerOf(ctx: StoreContext, id: string): RunOwner | null {
  const row = ctx
    .stmt('SELECT owner_host AS host, owner_pid AS pid, owner_boot AS boot FROM runs WHERE id = ?')
    .get(id) as { host: string | null; pid: number | null; boot: string | null } | undefined;
  return row && row.host !== null && row.pid !== null && row.boot !== null
    ? { host: row.host, pid: row.pid, boot: row.boot }
    : null;
}

interface OwnedRow {
  id: string;
  status: 'running' | 'queued';
  owner_pid: number;
  owner_boot: string;
}

/** Interrupts the live-looking runs of dead owners on this host; returns them. `exclude`: the caller's own. */
export function markDeadOwners(
  ctx: StoreContext,
  here: RunOwner,
  now: Date,
  exclude: ReadonlySet<string> = new Set(),
): RunSummary[] {
  const ids = ctx.db
    .transaction(() => {
      const rows = ctx
        .stmt(
          "SELECT id, status, owner_pid, owner_boot FROM runs WHERE status IN ('running', 'queued') AND owner_host = ? AND owner_pid IS NOT NULL AND owner_boot IS NOT NULL",
        )
        .all(here.host) as OwnedRow[];
      const verdict = new Map<string, boolean>();
      const dead = rows.filter((r) => {
        if (exclude.has(r.id)) return false;
        const key = `${r.owner_pid}/${r.owner_boot}`;
        if (!verdict.has(key))
          verdict.set(key, ownerState({ host: here.host, pid: r.owner_pid, boot: r.owner_boot }, here) === 'dead');
        return verdict.get(key)!;
      });
      const mark = ctx.stmt(
        "UPDATE runs SET status = 'interrupted', ended_at = COALESCE(heartbeat_at, started_at, ?), error = COALESCE(error, ?) WHERE id = ? AND status IN ('running', 'queued')",
      );
      for (const r of dead) {
        const who = `process ${r.owner_pid} on ${here.host}`;
        const why =
          r.status === 'running'
            ? `The lab running it (${who}) died.`
            : `The lab that queued it (${who}) died before it started.`;
        mark.run(now.toISOString(), why, r.id);
      }
      return dead.map((r) => r.id);
    })
    .immediate();
  return ids.map((id) => getSummary(ctx, id));
}

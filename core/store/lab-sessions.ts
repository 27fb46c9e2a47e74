/**
 * Open labs: a lab registers itself when it opens the file, beats while open and leaves when it closes. A
 * session whose process is gone (same host) or whose heartbeat is stale (other hosts) is pruned as dead.
 */
import type { StoreContext } from './db';
import { newId } from './ids';
import { ownerState, type RunOwner } from './owner';

export interface LabSession extends RunOwner {
  id: string;
  mode: string;
  openedAt: string;
  heartbeatAt: string;
}

export function openSession(ctx: StoreContext, owner: RunOwner, mode: string, at: string): string {
  const id = newId(Date.parse(at));
  ctx
    .stmt('INSERT INTO lab_sessions (id, host, pid, boot, mode, opened_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, owner.host, owner.pid, owner.boot, mode, at, at);
  return id;
}

export function beatSession(ctx: StoreContext, id: string, at: string): void {
  ctx.stmt('UPDATE lab_sessions SET heartbeat_at = ? WHERE id = ?').run(at, id);
}

export function closeSession(ctx: StoreContext, id: string): void {
  ctx.stmt('DELETE FROM lab_sessions WHERE id = ?').run(id);
}

/** The sessions still alive (the dead ones are deleted on the way), other than `except`'s process. */
export function liveSessions(ctx: StoreContext, here: RunOwner, staleMs: number, now: Date): LabSession[] {
  const rows = ctx
    .stmt(
      'SELECT id, host, pid, boot, mode, opened_at AS openedAt, heartbeat_at AS heartbeatAt FROM lab_sessions ORDER BY opened_at',
    )
    .all() as LabSession[];
  const cutoff = now.getTime() - staleMs;
  const live: LabSession[] = [];
  for (const s of rows) {
    const state = ownerState(s, here);
    const alive = state === 'alive' || (state === 'unknown' && Date.parse(s.heartbeatAt) >= cutoff);
    if (alive) live.push(s);
    else closeSession(ctx, s.id);
  }
  return live;
}

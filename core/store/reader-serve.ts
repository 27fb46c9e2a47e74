/**
 * A reader thread's loop: one read-only connection to the lab database, answering the read operations of
 * read-ops.ts by name. It never writes; a failure answers the call that caused it and the thread goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LabError } from '../api/errors';
import { openReadOnly, translateSqliteError, type StoreContext } from './db';
import { isReadOp, type ReadOps } from './read-ops';
import type { FromReader, ReaderData, ToReader } from './reader-protocol';

/** Serves `ops` on this thread's port; tests add operations of their own in `extra` (a crash, a hang). */
export function serveReads(
  ops: ReadOps & { cache: { invalidate(runId: string): void } },
  extra: Record<string, (ctx: StoreContext, args: unknown) => unknown> = {},
): void {
  const port = parentPort;
  if (!port) throw new Error('serveReads runs in a worker thread (see reader-pool.ts)');
  const { path } = workerData as ReaderData;

  let ctx: StoreContext | null = null;
  let openError: LabError | null = null;
  try {
    ctx = openReadOnly(path);
  } catch (e) {
    openError = toLabError(translateSqliteError(e, path));
  }
  port.on('message', (m: ToReader) => {
    if (m.type === 'invalidate') return ops.cache.invalidate(m.runId);
    let answer: FromReader;
    try {
      if (!ctx) throw openError!;
      const fn = isReadOp(m.op) ? (ops[m.op] as (c: StoreContext, a: unknown) => unknown) : extra[m.op];
      if (!fn) throw new LabError('internal', `The history reader has no operation ${String(m.op)}`);
      answer = { id: m.id, ok: true, value: fn(ctx, m.args) };
    } catch (e) {
      answer = { id: m.id, ok: false, error: toLabError(translateSqliteError(e, path)).toData() };
    }
    port.postMessage(answer);
  });
}

function toLabError(e: unknown): LabError {
  if (e instanceof LabError) return e;
  return new LabError('internal', `Reading the history failed: ${e instanceof Error ? e.message : String(e)}`);
}

/** A reader thread with two operations of its own, for reader-pool.test.ts: one ends the thread, one hangs it. */
import { createReadOps } from '../../../core/store/read-ops';
import { serveReads } from '../../../core/store/reader-serve';

serveReads(createReadOps(), {
  exit: () => process.exit(3),
  // Blocks the thread for good (no timer, no event): only terminate() ends it.
  hang: () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0),
});

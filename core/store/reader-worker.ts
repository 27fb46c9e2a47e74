/** The entry of a reader thread (reader-pool.ts starts it): the lab's read operations on a read-only connection. */
import { createReadOps } from './read-ops';
import { serveReads } from './reader-serve';

serveReads(createReadOps());

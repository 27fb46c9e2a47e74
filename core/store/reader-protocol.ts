/** Messages between the lab and its reader threads (structured clone: typed arrays and NaN travel intact). */
import type { LabErrorData } from '../api/errors';
import type { ReadOpName } from './read-ops';

export interface ReaderData {
  /** The lab database, already opened and migrated by the lab's own connection. */
  path: string;
}

export type ToReader =
  | { type: 'call'; id: number; op: ReadOpName; args: unknown }
  /** The run's series changed shape in place (truncated for a resume): forget what is cached of it. */
  | { type: 'invalidate'; runId: string };

export type FromReader =
  | { id: number; ok: true; value: unknown }
  /** A LabError's data, or `internal` for anything else (with its message). */
  | { id: number; ok: false; error: LabErrorData };

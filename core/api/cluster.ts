/** What the contract says about the cluster (issue 10): where a run trains, who trained it, who is there. */
import { z } from 'zod';

/** "local": the lab's own engine processes; "cluster": a `gradlab worker` through the broker. */
export const PlacementSchema = z.enum(['local', 'cluster']);
export type Placement = z.infer<typeof PlacementSchema>;

/** One worker's part of a run: from `fromStep` (its checkpoint, 0 for a fresh start) until the next attempt or the end. */
export const RunAttemptSchema = z.object({
  attempt: z.number().int().min(1),
  jobId: z.string(),
  worker: z.string(),
  host: z.string(),
  backend: z.string(),
  device: z.string(),
  fromStep: z.number().int().min(0),
  startedAt: z.string(),
});
export type RunAttempt = z.infer<typeof RunAttemptSchema>;

export const ClusterWorkerSchema = z.object({
  name: z.string(),
  host: z.string(),
  pid: z.number().int(),
  backend: z.string(),
  device: z.string(),
  versions: z.record(z.string(), z.string()),
  concurrency: z.number().int(),
  /** Run ids it is training now. */
  runs: z.array(z.string()),
  state: z.enum(['idle', 'busy', 'broken']),
  /** Why it takes no work (no backend loaded), when broken. */
  error: z.string().nullable(),
  lastSeen: z.string(),
});
export type ClusterWorker = z.infer<typeof ClusterWorkerSchema>;

export const ClusterStatusSchema = z.object({
  /** False when this lab was opened without a broker. */
  configured: z.boolean(),
  /** The broker's address without its password. */
  broker: z.string().nullable(),
  workers: z.array(ClusterWorkerSchema),
  queue: z.object({
    waiting: z.number().int(),
    active: z.number().int(),
    delayed: z.number().int(),
    failed: z.number().int(),
  }),
});
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;

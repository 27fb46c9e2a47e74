/**
 * What travels through the broker. Jobs (BullMQ queue `runs`) carry a run's validated spec, a CSV task's
 * data inline and the checkpoint a resume starts from. Each job has one Redis stream the workers write and
 * the lab reads (consumer group `lab`): the engine's own messages (core/engine/protocol.ts), each entry
 * stamped with the attempt that wrote it. Every entry is checked here before the lab believes it.
 */
import { serialize, deserialize } from 'node:v8';
import { z } from 'zod';
import {
  ExperimentSpecSchema,
  FinalMetricsSchema,
  GradientProfileSchema,
  StepMetricsSchema,
  BackendNameSchema,
} from '../api';
import type { EngineToHost } from '../engine/protocol';

export const QUEUE = 'runs';
export const PREFIX = 'gradlab';
export const STOP_CHANNEL = `${PREFIX}:stop`;
export const keys = {
  stream: (jobId: string) => `${PREFIX}:job:${jobId}:stream`,
  checkpoint: (jobId: string) => `${PREFIX}:job:${jobId}:checkpoint`,
  stop: (jobId: string) => `${PREFIX}:job:${jobId}:stop`,
  attempt: (runId: string) => `${PREFIX}:run:${runId}:attempt`,
  owner: (runId: string) => `${PREFIX}:run:${runId}:owner`,
  worker: (name: string) => `${PREFIX}:worker:${name}`,
  workerPattern: `${PREFIX}:worker:*`,
};
export const LAB_GROUP = 'lab';

/** A CSV task's file travels inside the job, so a worker never opens a path it was given. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
/** One stream entry at most (a checkpoint is the largest: weights and optimizer state). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_STEPS_PER_ENTRY = 100_000;

const CheckpointSchema = z.object({
  step: z.number().int().min(0),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Expected bytes' }),
});

export const JobDataSchema = z.strictObject({
  runId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  spec: ExperimentSpecSchema,
  /** The CSV file's text for a `csv` task (the lab read it); absent otherwise. */
  csv: z.string().max(MAX_CSV_BYTES).optional(),
  /** Base64 of a checkpoint's bytes (JSON job data), when the run resumes from the lab's history. */
  resume: z.strictObject({ step: z.number().int().min(0), base64: z.string() }).optional(),
});
export type JobData = z.infer<typeof JobDataSchema>;

const runId = z.string().min(1).max(64);
/** What a worker may put in a stream: the engine's messages, 'started' saying who trains and from where. */
export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('started'),
    runId,
    backend: BackendNameSchema,
    device: z.string().max(200),
    worker: z.string().min(1).max(200),
    host: z.string().min(1).max(255),
    resumedFrom: z.number().int().min(0),
  }),
  z.strictObject({
    type: z.literal('steps'),
    runId,
    steps: z.array(StepMetricsSchema).min(1).max(MAX_STEPS_PER_ENTRY),
    profiles: z.array(GradientProfileSchema).optional(),
  }),
  z.strictObject({ type: z.literal('checkpoint'), runId, checkpoint: CheckpointSchema }),
  z.strictObject({
    type: z.literal('done'),
    runId,
    status: z.enum(['completed', 'stopped']),
    /** Sent by workers of earlier versions; ignored (the lab folds final metrics from the steps it hears). */
    final: FinalMetricsSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('diverged'),
    runId,
    step: z.number().int(),
    tensor: z.string().max(200),
    final: FinalMetricsSchema.optional(),
  }),
  z.strictObject({ type: z.literal('error'), runId, message: z.string().max(10_000) }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** Structured clone, as the engine's own IPC: NaN, ±Infinity and typed arrays travel as they are. */
export const encodeMessage = (m: WorkerMessage | EngineToHost): Buffer => serialize(m);

export type Decoded = { ok: true; message: WorkerMessage } | { ok: false; reason: string };

export function decodeMessage(bytes: Buffer): Decoded {
  if (bytes.length > MAX_ENTRY_BYTES)
    return { ok: false, reason: `entry of ${bytes.length} bytes is over the ${MAX_ENTRY_BYTES}-byte limit` };
  let value: unknown;
  try {
    value = deserialize(bytes);
  } catch (e) {
    return { ok: false, reason: `not a message: ${(e as Error).message}` };
  }
  const parsed = WorkerMessageSchema.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      reason: parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; '),
    };
  return { ok: true, message: parsed.data };
}

/**
 * Writes one entry only while `attempt` still owns the run, and keeps the latest checkpoint where the next
 * attempt finds it — atomically, so a worker whose run was taken from it can no longer write to it.
 * KEYS: owner, stream, checkpoint. ARGV: attempt, worker, entry, checkpoint entry or ''.
 */
export const FENCED_ADD = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('XADD', KEYS[2], '*', 'a', ARGV[1], 'w', ARGV[2], 'm', ARGV[3])
if ARGV[4] ~= '' then redis.call('SET', KEYS[3], ARGV[4]) end
return 1`;

/** A worker taking a job becomes the run's owner with a new attempt number. KEYS: attempt, owner. */
export const CLAIM = `
local a = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], a)
return a`;

/** How a `runs` row becomes the RunSummary / RunDetail records of the contract. */
import { ExperimentSpecSchema, type ExperimentSpec } from '../api/spec';
import type { FinalMetrics, ImportSource, RunDetail, RunStatus, RunSummary } from '../api/records';
import { fromWire } from '../shared/wire';
import { LabError } from '../api/errors';

/** The columns of `runs` that a summary needs (the spec JSON is read only for details). */
export const SUMMARY_COLUMNS = `id, name, status, spec_hash, seed, task, cell, activation, init, clip, backend, device,
  created_at, started_at, ended_at, steps_done, steps_total, final, note, sweep_id, error, divergence_step, divergence_tensor`;

export interface RunRow {
  id: string;
  name: string;
  status: RunStatus;
  spec_hash: string;
  seed: number;
  task: string;
  cell: string;
  activation: string;
  init: string;
  clip: string;
  backend: string | null;
  device: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  steps_done: number;
  steps_total: number;
  final: string;
  note: string;
  sweep_id: string | null;
  error: string | null;
  divergence_step: number | null;
  divergence_tensor: string | null;
}

export interface RunDetailRow extends RunRow {
  spec: string;
  source: string | null;
  heartbeat_at: string | null;
}

export function summaryFromRow(row: RunRow, tags: string[]): RunSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    specHash: row.spec_hash,
    seed: row.seed,
    task: row.task,
    cell: row.cell,
    activation: row.activation,
    init: row.init,
    clip: row.clip,
    backend: row.backend,
    device: row.device,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    stepsDone: row.steps_done,
    stepsTotal: row.steps_total,
    final: fromWire(row.final) as FinalMetrics,
    tags,
    note: row.note,
    sweepId: row.sweep_id,
    error: row.error,
    divergence:
      row.divergence_step === null ? null : { step: row.divergence_step, tensor: row.divergence_tensor ?? '' },
  };
}

/** A stored spec, with defaults of the current schema filled in (older files may lack newer fields). */
export function parseStoredSpec(json: string): ExperimentSpec {
  const raw: unknown = JSON.parse(json);
  const parsed = ExperimentSpecSchema.safeParse(raw);
  return parsed.success ? parsed.data : (raw as ExperimentSpec);
}

export function detailFromRow(
  row: RunDetailRow,
  tags: string[],
  metrics: string[],
  lastCheckpointStep: number | null,
): RunDetail {
  return {
    ...summaryFromRow(row, tags),
    spec: row.spec === 'null' ? null : parseStoredSpec(row.spec), // null: an imported run
    source: row.source === null ? null : (JSON.parse(row.source) as ImportSource),
    heartbeatAt: row.heartbeat_at,
    lastCheckpointStep,
    metrics,
  };
}

/** The spec of a run trained here; an imported run has none, so asking for it is a clear error. */
export function trainedSpec(run: RunDetail): ExperimentSpec {
  if (run.spec === null)
    throw new LabError(
      'conflict',
      `Run ${run.id} was imported (${run.source?.kind ?? 'elsewhere'}): it has no spec, so it cannot be trained, resumed or used as a lesson's run.`,
    );
  return run.spec;
}

/** The denormalised filter columns of a spec. `init` is the recurrent initialiser (the one that matters). */
export function specColumns(spec: ExperimentSpec): {
  task: string;
  cell: string;
  activation: string;
  init: string;
  clip: string;
} {
  const clip = spec.train.clip.mode === 'none' ? 'none' : `${spec.train.clip.mode}:${spec.train.clip.threshold}`;
  return {
    task: spec.task.kind,
    cell: spec.model.cell,
    activation: spec.model.activation,
    init: spec.model.init.recurrent,
    clip,
  };
}

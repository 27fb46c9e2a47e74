/**
 * Export runs (some, a sweep's, or all) to one portable bundle and import it into another lab. Import is one
 * transaction: a bundle that is malformed, newer, or fails half-way changes nothing. Ids already taken get
 * fresh ones, and a sweep's runs follow their sweep's new id, so a sweep arrives together.
 */
import zlib from 'node:zlib';
import '../api/node-base64';
import { invalidArgument, labError } from '../api/errors';
import { ExperimentSpecSchema } from '../api/spec';
import type { RunSummary } from '../api/records';
import { fromWire, toWire } from '../shared/wire';
import type { StoreContext } from './db';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleSchema,
  type Bundle,
  type BundleRun,
  type BundleSweep,
} from './bundle-schema';
import { getCheckpoint, listCheckpointSteps } from './checkpoint-store';
import { newId } from './ids';
import { getProfiles, insertProfile } from './profile-store';
import { getDetail, getSummary, runExists } from './run-store';
import { specColumns } from './run-rows';
import { appendColumn, listMetricNames, readColumns, toArray } from './series-store';
import { specHash } from './spec-hash';
import { getSweep, sweepExists } from './sweep-store';

/** Bundles are decompressed into one string; V8 strings stop near 512 MiB, and so does a gzip bomb here. */
const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

export interface BundleFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
}

export interface ExportOptions {
  runIds?: readonly string[];
  sweepId?: string;
  /** Checkpoints can be large (weights and optimizer state); leave them out unless a resume elsewhere is wanted. */
  includeCheckpoints?: boolean;
}

function exportRun(ctx: StoreContext, id: string, includeCheckpoints: boolean): BundleRun {
  const d = getDetail(ctx, id);
  return {
    id: d.id,
    name: d.name,
    spec: d.spec,
    ...(d.spec === null ? { source: d.source, seed: d.seed, specHash: d.specHash } : {}),
    status: d.status,
    backend: d.backend,
    device: d.device,
    createdAt: d.createdAt,
    startedAt: d.startedAt,
    endedAt: d.endedAt,
    heartbeatAt: d.heartbeatAt,
    stepsDone: d.stepsDone,
    stepsTotal: d.stepsTotal,
    final: d.final,
    divergence: d.divergence,
    error: d.error,
    note: d.note,
    tags: d.tags,
    sweepId: d.sweepId,
    series: listMetricNames(ctx, id).map((metric) => {
      const c = readColumns(ctx, id, metric);
      return { metric, step: toArray(c.step), value: toArray(c.value), wallMs: toArray(c.wallMs) };
    }),
    profiles: getProfiles(ctx, id),
    checkpoints: includeCheckpoints
      ? listCheckpointSteps(ctx, id).map((step) => {
          const cp = getCheckpoint(ctx, id, step)!;
          const createdAt = ctx
            .stmt('SELECT created_at FROM checkpoints WHERE run_id = ? AND step = ?')
            .pluck()
            .get(id, step) as string;
          return { step, createdAt, base64: Buffer.from(cp.data).toString('base64') };
        })
      : [],
  };
}

export function exportBundle(ctx: StoreContext, options: ExportOptions, at: string): BundleFile {
  const bundle = ctx.db.transaction((): Bundle => {
    let ids: string[];
    if (options.runIds === undefined && options.sweepId === undefined) {
      ids = ctx.stmt('SELECT id FROM runs ORDER BY created_at, id').pluck().all() as string[];
    } else {
      ids = [...(options.runIds ?? [])];
      if (options.sweepId !== undefined) {
        getSweep(ctx, options.sweepId);
        ids.push(
          ...(ctx
            .stmt('SELECT id FROM runs WHERE sweep_id = ? ORDER BY created_at, id')
            .pluck()
            .all(options.sweepId) as string[]),
        );
      }
    }
    const runs = [...new Set(ids)].map((id) => exportRun(ctx, id, options.includeCheckpoints ?? false));
    const sweepIds = new Set<string>(options.sweepId !== undefined ? [options.sweepId] : []);
    for (const r of runs) if (r.sweepId !== null) sweepIds.add(r.sweepId);
    const sweeps: BundleSweep[] = [...sweepIds].map((sid) => {
      const s = getSweep(ctx, sid);
      return { id: s.id, name: s.name, base: s.base, grid: s.grid, createdAt: s.createdAt };
    });
    return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: at, sweeps, runs };
  })();
  const stamp = at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const what =
    options.sweepId !== undefined && options.runIds === undefined
      ? `sweep-${options.sweepId}`
      : `${bundle.runs.length}-runs`;
  return {
    fileName: `gradlab-${what}-${stamp}.json.gz`,
    mime: 'application/gzip',
    bytes: zlib.gzipSync(toWire(bundle)),
  };
}

/** A value from the file as a message shows it: JSON, at most 40 characters (a field can be megabytes). */
function shown(v: unknown): string {
  const text = JSON.stringify(v ?? null) ?? 'null';
  return text.length > 40 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
}

/** Decodes and validates a bundle without touching the database. */
export function parseBundle(bytes: Uint8Array): Bundle {
  let text: string;
  try {
    text = zlib.gunzipSync(bytes, { maxOutputLength: MAX_BUNDLE_BYTES }).toString('utf8');
  } catch (e) {
    throw labError('invalid_argument', 'bundle.notGzip', { detail: (e as Error).message });
  }
  let raw: unknown;
  try {
    raw = fromWire(text);
  } catch {
    // JSON.parse's wording changes between Node versions; the position would not help a user anyway.
    throw labError('invalid_argument', 'bundle.notJson');
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BUNDLE_FORMAT)
    throw labError('invalid_argument', 'bundle.badFormat', { format: shown(head.format), expected: BUNDLE_FORMAT });
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw labError('invalid_argument', 'bundle.badVersion', { version: shown(head.version) });
  }
  if (head.version > BUNDLE_VERSION) {
    throw labError('invalid_argument', 'bundle.newer', { version: String(head.version), max: String(BUNDLE_VERSION) });
  }
  const parsed = BundleSchema.safeParse(raw);
  if (!parsed.success) throw invalidArgument('gradlab bundle', parsed.error, 'bundle');
  return parsed.data;
}

/** A run another lab imported from TensorBoard: no spec, its source and seed group kept. */
function importImportedRun(ctx: StoreContext, r: BundleRun, index: number, id: string): void {
  if (r.status !== 'imported' || !r.source) {
    throw labError('invalid_argument', 'bundle.noSpec', { run: r.id, index: String(index) });
  }
  const lastLoss = r.series.find((s) => s.metric === 'loss')?.value.at(-1);
  ctx
    .stmt(
      `INSERT INTO runs (id, name, spec, spec_hash, seed, status, task, cell, activation, init, clip, created_at, started_at, ended_at, heartbeat_at,
         steps_done, steps_total, final, sort_loss, note, source)
       VALUES (@id, @name, 'null', @hash, @seed, 'imported', 'tensorboard', '', '', '', '', @createdAt, @startedAt, @endedAt, @heartbeatAt,
         @stepsDone, @stepsTotal, @final, @sortLoss, @note, @source)`,
    )
    .run({
      id,
      name: r.name,
      hash: r.specHash ?? `tensorboard:${id}`,
      seed: r.seed ?? 0,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      heartbeatAt: r.heartbeatAt,
      stepsDone: r.stepsDone,
      stepsTotal: r.stepsTotal,
      final: toWire(r.final),
      sortLoss: lastLoss === undefined || !Number.isFinite(lastLoss) ? null : lastLoss,
      note: r.note,
      source: JSON.stringify(r.source),
    });
}

function importRun(ctx: StoreContext, r: BundleRun, index: number, id: string, sweepId: string | null): void {
  if (r.spec === null) {
    importImportedRun(ctx, r, index, id);
    insertChildren(ctx, r, id);
    return;
  }
  const spec = ExperimentSpecSchema.safeParse(r.spec);
  if (!spec.success)
    throw invalidArgument(`spec of run ${r.id} in the bundle`, spec.error, `bundle.runs.${index}.spec`);
  // A run that was queued or running where it was exported is not running here.
  const status = r.status === 'queued' || r.status === 'running' ? 'interrupted' : r.status;
  const lastLoss = r.series.find((s) => s.metric === 'loss')?.value.at(-1);
  const sortLoss = r.final.loss ?? lastLoss;
  const sortHorizon = r.final.horizon ?? r.profiles.at(-1)?.layers.find((l) => l.layer === 0)?.horizon;
  ctx
    .stmt(
      `INSERT INTO runs (id, name, spec, spec_hash, seed, status, task, cell, activation, init, clip, backend, device, created_at, started_at,
         ended_at, heartbeat_at, steps_done, steps_total, final, sort_loss, sort_horizon, divergence_step, divergence_tensor, error, note, sweep_id)
       VALUES (@id, @name, @spec, @hash, @seed, @status, @task, @cell, @activation, @init, @clip, @backend, @device, @createdAt, @startedAt,
         @endedAt, @heartbeatAt, @stepsDone, @stepsTotal, @final, @sortLoss, @sortHorizon, @divStep, @divTensor, @error, @note, @sweepId)`,
    )
    .run({
      id,
      name: r.name,
      spec: JSON.stringify(spec.data),
      hash: specHash(spec.data),
      seed: spec.data.train.seed,
      status,
      ...specColumns(spec.data),
      backend: r.backend,
      device: r.device,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      heartbeatAt: r.heartbeatAt,
      stepsDone: r.stepsDone,
      stepsTotal: r.stepsTotal,
      final: toWire(r.final),
      sortLoss: sortLoss === undefined || Number.isNaN(sortLoss) ? null : sortLoss,
      sortHorizon: sortHorizon === undefined || Number.isNaN(sortHorizon) ? null : sortHorizon,
      divStep: r.divergence?.step ?? null,
      divTensor: r.divergence?.tensor ?? null,
      error: status !== r.status && r.error === null ? `Imported while ${r.status}.` : r.error,
      note: r.note,
      sweepId,
    });
  insertChildren(ctx, r, id);
}

/** Tags, series, profiles and checkpoints of a run just inserted. */
function insertChildren(ctx: StoreContext, r: BundleRun, id: string): void {
  const tag = ctx.stmt('INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)');
  for (const t of r.tags) tag.run(id, t.trim());
  for (const s of r.series) {
    try {
      appendColumn(ctx, id, s.metric, s.step, s.value, s.wallMs);
    } catch (e) {
      throw labError('invalid_argument', 'bundle.badSeries', {
        metric: s.metric,
        run: r.id,
        detail: (e as Error).message,
      });
    }
  }
  for (const p of r.profiles) insertProfile(ctx, id, p);
  const cp = ctx.stmt('INSERT INTO checkpoints (run_id, step, created_at, data) VALUES (?, ?, ?, ?)');
  for (const c of r.checkpoints) cp.run(id, c.step, c.createdAt, Buffer.from(c.base64, 'base64'));
}

/** Imports a bundle in one transaction; returns the imported runs (with their ids in this lab). */
export function importBundle(ctx: StoreContext, bytes: Uint8Array, at: string): RunSummary[] {
  const bundle = parseBundle(bytes);
  const ids = ctx.db
    .transaction(() => {
      const sweepMap = new Map<string, string>();
      for (const s of bundle.sweeps) {
        const base = ExperimentSpecSchema.safeParse(s.base);
        if (!base.success)
          throw invalidArgument(`base spec of sweep ${s.id} in the bundle`, base.error, 'bundle.sweeps');
        const id = sweepExists(ctx, s.id) ? newId(Date.parse(at)) : s.id;
        ctx
          .stmt('INSERT INTO sweeps (id, name, base_spec, grid, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(id, s.name, JSON.stringify(base.data), JSON.stringify(s.grid), s.createdAt);
        sweepMap.set(s.id, id);
      }
      return bundle.runs.map((r, i) => {
        const id = runExists(ctx, r.id) ? newId(Date.parse(at)) : r.id;
        let sweepId: string | null = null;
        if (r.sweepId !== null) {
          sweepId = sweepMap.get(r.sweepId) ?? null;
          if (sweepId === null)
            throw labError('invalid_argument', 'bundle.missingSweep', { run: r.id, sweep: r.sweepId });
        }
        importRun(ctx, r, i, id, sweepId);
        return id;
      });
    })
    .immediate();
  return ids.map((id) => getSummary(ctx, id));
}

/**
 * LabStore: the one object core/lab holds. It owns the connection and the statement cache, stamps times from
 * one clock, and turns SQLite failures (busy, corrupt, disk full) into LabErrors naming the file. Each method
 * is one transaction; the work lives in the per-concern modules it delegates to.
 */
import type { Checkpoint } from '../api/records';
import type { StepMetrics } from '../api/events';
import type { GradientProfile, RunDetail, RunSummary, Series } from '../api/records';
import { openDatabase, translateSqliteError, type OpenOptions, type StoreContext } from './db';
import * as bundles from './bundle';
import * as checkpoints from './checkpoint-store';
import * as cluster from './cluster-store';
import type { RunAttempt } from '../api/cluster';
import { seriesCsv } from './csv';
import * as profiles from './profile-store';
import { listRuns, matchingRunIds, type RunPage, type RunQueryParsed } from './query';
import * as runs from './run-store';
import { claimRun, markDeadOwners, ownerOf } from './run-owners';
import { thisOwner, type RunOwner } from './owner';
import * as sessions from './lab-sessions';
import * as series from './series-store';
import { seriesMany, type SeriesMany } from './read-ops';
import * as sweeps from './sweep-store';
import { insertImportedRuns, type ImportedRun } from './imported-runs';

export interface StoreOptions extends OpenOptions {
  /** The clock for every stored timestamp; tests pass a fixed one. */
  now?: () => Date;
  /** The owner recorded on the runs this store queues or starts (default: this process on this host). */
  owner?: RunOwner;
}

export class LabStore {
  readonly path: string;
  private readonly ctx: StoreContext;
  private readonly now: () => Date;
  readonly owner: RunOwner;
  private closed = false;

  private constructor(ctx: StoreContext, now: () => Date, owner: RunOwner) {
    this.ctx = ctx;
    this.path = ctx.path;
    this.now = now;
    this.owner = owner;
  }

  /** Opens (creating and migrating if needed) the database at `path`. Throws LabError naming the file. */
  static open(path: string, options: StoreOptions = {}): LabStore {
    return new LabStore(openDatabase(path, options), options.now ?? (() => new Date()), options.owner ?? thisOwner());
  }

  private at(): string {
    return this.now().toISOString();
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw translateSqliteError(e, this.path);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.db.close();
  }

  /** `PRAGMA integrity_check`: ['ok'] for a sound file, otherwise SQLite's findings. Reads the whole file. */
  integrityCheck(): string[] {
    return this.guard(
      () => this.ctx.db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[],
    ).map((r) => r.integrity_check);
  }

  // Runs ------------------------------------------------------------------------------------------------

  /** A new `queued` run; the spec is validated (invalid_argument with field issues) and stored with defaults. */
  createRun(input: runs.NewRun): RunSummary {
    return this.guard(() => {
      const run = runs.createRun(this.ctx, input, this.at());
      claimRun(this.ctx, run.id, this.owner);
      return run;
    });
  }
  getRun(id: string): RunDetail {
    return this.guard(() => runs.getDetail(this.ctx, id));
  }
  getSummary(id: string): RunSummary {
    return this.guard(() => runs.getSummary(this.ctx, id));
  }
  listRuns(query: RunQueryParsed): RunPage {
    return this.guard(() => listRuns(this.ctx, query));
  }
  /** Ids of all runs matching the filters of a query (no paging). */
  matchingRunIds(query: Partial<RunQueryParsed>): string[] {
    return this.guard(() => matchingRunIds(this.ctx, query));
  }
  /** `running`, with the engine's backend and device; also used on resume (clears the previous end). */
  markStarted(id: string, engine: { backend: string; device: string }): RunSummary {
    return this.guard(() => {
      const run = runs.markStarted(this.ctx, id, engine, this.at());
      claimRun(this.ctx, id, this.owner);
      return run;
    });
  }
  markQueued(id: string): RunSummary {
    return this.guard(() => {
      const run = runs.markQueued(this.ctx, id, this.at());
      claimRun(this.ctx, id, this.owner);
      return run;
    });
  }
  /** The owning lab's heartbeat for the runs waiting in its queue (a lab opening meanwhile leaves them be). */
  heartbeatQueued(ids: readonly string[]): void {
    this.guard(() => runs.heartbeatMany(this.ctx, ids, this.at()));
  }
  /** Queued runs whose lab will not start them (it is closing): interrupted with `reason`, resumable. */
  interruptQueued(ids: readonly string[], reason: string): RunSummary[] {
    return this.guard(() => runs.interruptQueued(this.ctx, ids, reason, this.at()));
  }
  heartbeat(id: string): void {
    this.guard(() => runs.heartbeat(this.ctx, id, this.at()));
  }
  /** Ends a run: status, final metrics (NaN kept), divergence, error. final.loss/horizon become its sort keys. */
  finishRun(id: string, end: runs.RunEnd): RunSummary {
    return this.guard(() => runs.finishRun(this.ctx, id, end, this.at()));
  }
  /**
   * Runs `running` or `queued` whose owner on this host is dead (at once), or whose heartbeat is older than
   * staleMs (owners elsewhere): their lab is gone (a live lab beats
   * for its running runs and for those waiting in its queue). They become `interrupted`; returns them.
   * `exclude`: runs the caller itself owns, never stale to it.
   */
  markStale(staleMs: number, exclude?: ReadonlySet<string>): RunSummary[] {
    return this.guard(() => [
      ...markDeadOwners(this.ctx, this.owner, this.now(), exclude),
      ...runs.markStale(this.ctx, staleMs, this.now(), exclude),
    ]);
  }
  /** Registers an open lab (see lab-sessions.ts); returns its session id for beat/closeSession. */
  openSession(mode: string): string {
    return this.guard(() => sessions.openSession(this.ctx, this.owner, mode, this.at()));
  }
  beatSession(id: string): void {
    this.guard(() => sessions.beatSession(this.ctx, id, this.at()));
  }
  closeSession(id: string): void {
    this.guard(() => sessions.closeSession(this.ctx, id));
  }
  /** Labs that have this file open now (dead sessions are pruned on the way). */
  liveSessions(staleMs = 15_000): sessions.LabSession[] {
    return this.guard(() => sessions.liveSessions(this.ctx, this.owner, staleMs, this.now()));
  }
  /** `VACUUM`: rewrites the file without its free pages; returns the sizes before and after, in bytes. */
  vacuum(): { before: number; after: number } {
    return this.guard(() => {
      const size = () =>
        (this.ctx.db.pragma('page_count', { simple: true }) as number) *
        (this.ctx.db.pragma('page_size', { simple: true }) as number);
      const before = size();
      this.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      this.ctx.db.exec('VACUUM');
      this.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      return { before, after: size() };
    });
  }
  /** The lab process recorded as training (or queueing) the run; null for runs stored before owners were. */
  ownerOf(id: string): RunOwner | null {
    return this.guard(() => ownerOf(this.ctx, id));
  }
  renameRun(id: string, name: string): RunSummary {
    return this.guard(() => runs.renameRun(this.ctx, id, name));
  }
  tagRun(id: string, add: readonly string[] = [], remove: readonly string[] = []): RunSummary {
    return this.guard(() => runs.tagRun(this.ctx, id, add, remove));
  }
  noteRun(id: string, note: string): RunSummary {
    return this.guard(() => runs.noteRun(this.ctx, id, note));
  }
  deleteRun(id: string): void {
    this.guard(() => runs.deleteRun(this.ctx, id));
  }

  // Cluster (issue 10) -----------------------------------------------------------------------------------

  recordClusterJob(runId: string, jobId: string): void {
    this.guard(() => cluster.recordClusterJob(this.ctx, runId, jobId, this.at()));
  }
  openClusterJobs(): { runId: string; jobId: string }[] {
    return this.guard(() => cluster.openClusterJobs(this.ctx));
  }
  unclearedClusterJobs(limit = 10_000): string[] {
    return this.guard(() => cluster.unclearedClusterJobs(this.ctx, limit));
  }
  markClusterJobsCleared(jobIds: string[]): void {
    this.guard(() => this.ctx.db.transaction(() => cluster.markClusterJobsCleared(this.ctx, jobIds))());
  }
  lastClusterJob(runId: string): string | null {
    return this.guard(() => cluster.lastClusterJob(this.ctx, runId));
  }
  recordAttempt(runId: string, attempt: Omit<RunAttempt, 'startedAt'>): boolean {
    return this.guard(() => cluster.recordAttempt(this.ctx, runId, attempt, this.at()));
  }
  listAttempts(runId: string): RunAttempt[] {
    return this.guard(() => cluster.listAttempts(this.ctx, runId));
  }

  // Series ----------------------------------------------------------------------------------------------

  /**
   * One transaction for a batch: each metric's points, stepsDone = last step, the latest loss as sort key
   * and the heartbeat. Steps must come after those stored (conflict otherwise: truncateAfter before a resume).
   */
  appendSteps(runId: string, steps: readonly StepMetrics[]): void {
    this.guard(() => series.appendSteps(this.ctx, runId, steps, this.at()));
  }
  /** Points of any metric (derived series, imports); same ordering rule as appendSteps. */
  appendPoints(runId: string, points: readonly series.SeriesPoint[]): void {
    this.guard(() => series.appendPoints(this.ctx, runId, points));
  }
  /** All metrics or the named ones; with maxPoints, LTTB-downsampled (NaN/Inf points always kept). */
  getSeries(runId: string, options: { metrics?: readonly string[]; maxPoints?: number } = {}): Series[] {
    return this.guard(() => series.getSeries(this.ctx, runId, options));
  }
  /** Series of many runs; ids with no run come back in `missing`. */
  getSeriesMany(runIds: readonly string[], options: { metrics?: readonly string[]; maxPoints: number }): SeriesMany {
    return this.guard(() => seriesMany(this.ctx, runIds, (id) => series.getSeries(this.ctx, id, options)));
  }
  listMetrics(runId: string): string[] {
    return this.guard(() => series.listMetricNames(this.ctx, runId));
  }
  exportSeriesCsv(runId: string, metrics?: readonly string[]): { fileName: string; mime: string; text: string } {
    return this.guard(() => ({
      fileName: `gradlab-${runId}-series.csv`,
      mime: 'text/csv',
      text: seriesCsv(this.ctx, runId, metrics),
    }));
  }

  // Gradient profiles and checkpoints -------------------------------------------------------------------

  /** Stores a profile and appends its derived series (horizon, gradRatio, jacobianNorm, ...; see profile-scalars.ts). */
  saveProfile(runId: string, profile: GradientProfile, wallMs?: number): void {
    this.guard(() => profiles.saveProfile(this.ctx, runId, profile, wallMs));
  }
  /** Many profiles (in step order) in one transaction, each with the wall time of its step when known. */
  saveProfiles(runId: string, items: readonly { profile: GradientProfile; wallMs?: number }[]): void {
    this.guard(() => profiles.saveProfiles(this.ctx, runId, items));
  }
  getProfiles(runId: string, options: profiles.ProfileQuery = {}): GradientProfile[] {
    return this.guard(() => profiles.getProfiles(this.ctx, runId, options));
  }
  /** Keeps the latest `keep` (default 3) checkpoints of the run. */
  saveCheckpoint(runId: string, checkpoint: Checkpoint, keep?: number): void {
    this.guard(() => checkpoints.saveCheckpoint(this.ctx, runId, checkpoint, this.at(), keep));
  }
  /** The checkpoint at `step`, or the latest; null if none. */
  getCheckpoint(runId: string, step?: number): Checkpoint | null {
    return this.guard(() => checkpoints.getCheckpoint(this.ctx, runId, step));
  }
  listCheckpointSteps(runId: string): number[] {
    return this.guard(() => checkpoints.listCheckpointSteps(this.ctx, runId));
  }
  /** Before resuming from the checkpoint at `step`: drops series points, profiles and checkpoints after it. */
  truncateAfter(runId: string, step: number): void {
    this.guard(() => checkpoints.truncateAfter(this.ctx, runId, step));
  }

  // Sweeps ----------------------------------------------------------------------------------------------

  createSweep(input: sweeps.NewSweep): sweeps.SweepRecord {
    return this.guard(() => sweeps.createSweep(this.ctx, input, this.at()));
  }
  getSweep(id: string): sweeps.SweepRecord {
    return this.guard(() => sweeps.getSweep(this.ctx, id));
  }
  listSweeps(): ReturnType<typeof sweeps.listSweeps> {
    return this.guard(() => sweeps.listSweeps(this.ctx));
  }
  /** Deletes the sweep record only; its runs stay, with sweepId null. */
  deleteSweep(id: string): void {
    this.guard(() => sweeps.deleteSweep(this.ctx, id));
  }
  /** The sweep's runs grouped by spec hash (seeds together): per-step mean, sample std, min, max; labelled by grid values. */
  sweepSummary(sweepId: string, metric = 'loss'): sweeps.SweepGroup[] {
    return this.guard(() => sweeps.sweepSummary(this.ctx, sweepId, metric));
  }

  // Bundles ---------------------------------------------------------------------------------------------

  /** Given runs and/or a sweep's runs (all runs if neither) as one gzip bundle; the bytes are the file. */
  exportBundle(options: bundles.ExportOptions = {}): bundles.BundleFile {
    return this.guard(() => bundles.exportBundle(this.ctx, options, this.at()));
  }
  /** All or nothing: invalid_argument for a malformed or newer bundle. Taken ids are replaced; sweeps stay together. */
  importBundle(bytes: Uint8Array): RunSummary[] {
    return this.guard(() => bundles.importBundle(this.ctx, bytes, this.at()));
  }

  /** Runs read from another tool's logs (status `imported`), all in one transaction. */
  importRuns(items: readonly ImportedRun[]): RunSummary[] {
    return this.guard(() => insertImportedRuns(this.ctx, items, this.at()));
  }
}

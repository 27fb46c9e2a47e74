/**
 * core/store: the lab's SQLite run history. Open one LabStore per database file and pass it to the lab.
 *
 *   const store = LabStore.open(path);            // WAL, foreign keys, busy timeout, migrations
 *   const run = store.createRun({ spec });        // queued
 *   store.markStarted(run.id, { backend, device });
 *   store.appendSteps(run.id, steps);             // one transaction per batch
 *   store.saveProfile(run.id, profile);
 *   store.finishRun(run.id, { status: 'completed', final });
 */
export { LabStore, type StoreOptions } from './lab-store';
export type { OpenOptions } from './db';
export { LATEST_VERSION, APPLICATION_ID, MIGRATIONS, type Migration } from './migrations';
export type { NewRun, RunEnd, EndStatus, Divergence } from './run-store';
export type { RunPage, RunQueryParsed } from './query';
export type { SeriesPoint, SeriesColumns } from './series-store';
export { STEP_METRICS, CHUNK_POINTS } from './series-store';
export type { NewSweep, SweepRecord, SweepGroup, SweepGrid } from './sweep-store';
export type { BundleFile, ExportOptions } from './bundle';
export { BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle-schema';
export { DEFAULT_KEEP_CHECKPOINTS } from './checkpoint-store';
export { specHash, canonicalJson } from './spec-hash';
export { lttb } from './lttb';
export { newId } from './ids';
export { profileScalars } from './profile-scalars';
export { thisOwner, bootId, ownerState, type RunOwner } from './owner';
export { trainedSpec } from './run-rows';
export type { ImportedRun, ImportedSeries } from './imported-runs';

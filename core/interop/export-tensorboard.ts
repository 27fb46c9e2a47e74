/**
 * `gradlab runs export --format tfevents`: runs as a TensorBoard log directory. One directory per run with
 * one event file: every stored series as float32 scalars, the spec as an HParams session (start and end
 * info; seeds of one spec share a session group), and each probe's gradient profile as a histogram
 * (x = time step t, height = ||∂L/∂h_t||). The log directory itself holds the HParams experiment, so
 * TensorBoard's HParams dashboard shows the fields that differ between the runs as columns and the final
 * losses as metrics.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LabError } from '../api/errors';
import type { RunDetail } from '../api/records';
import type { LabStore } from '../store';
import { experimentOf, flattenSpec, protoValue, type HParamValue } from './hparams';
import { EVENT_FILE } from './read-events';
import { HPARAMS } from './tensorboard-proto';
import {
  type EventObject,
  eventFile,
  eventFileName,
  fileVersionEvent,
  hparamsEvent,
  histogramEvent,
  scalarEvent,
} from './write-events';

export interface TensorBoardExportOptions {
  runIds?: readonly string[];
  sweepId?: string;
}

export interface ExportedRunReport {
  runId: string;
  name: string;
  directory: string;
  file: string;
  bytes: number;
  tags: number;
  points: number;
  histograms: number;
}

export interface TensorBoardExportReport {
  directory: string;
  experimentFile: string;
  runs: ExportedRunReport[];
  bytes: number;
}

const LOSS_METRICS = ['loss', 'heldoutLoss'];
const SESSION_STATUS: Record<string, number> = {
  completed: 1,
  imported: 1,
  failed: 2,
  diverged: 2,
  stopped: 2,
  interrupted: 2,
  running: 3,
  queued: 3,
};

function hparamsOf(run: RunDetail): Map<string, HParamValue> {
  if (run.spec) return flattenSpec(run.spec);
  return new Map(Object.entries(run.source?.hparams ?? {}));
}

/** A directory name TensorBoard shows as the run's name: path separators and control characters replaced. */
function dirName(name: string, taken: Set<string>, id: string): string {
  const clean =
    name
      .replace(/[/\\:*?"<>|\p{Cc}]+/gu, '_')
      .replace(/^\.+/, '_')
      .trim()
      .slice(0, 120) || id;
  const unique = taken.has(clean) ? `${clean}_${id}` : clean;
  taken.add(unique);
  return unique;
}

function refuseOldEvents(dir: string): void {
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw new LabError('invalid_argument', `${dir} is not a directory.`);
  const stack = [dir];
  for (let n = 0; stack.length > 0 && n < 10_000; n++) {
    const d = stack.pop() as string;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isFile() && EVENT_FILE.test(e.name)) {
        throw new LabError(
          'conflict',
          `${dir} already holds TensorBoard event files (${path.join(d, e.name)}); TensorBoard would mix them with these runs. Choose an empty or new directory.`,
        );
      }
      if (e.isDirectory()) stack.push(path.join(d, e.name));
    }
  }
}

function exportRun(
  store: LabStore,
  run: RunDetail,
  dir: string,
): Omit<ExportedRunReport, 'name' | 'runId' | 'directory'> {
  const start = Date.parse(run.startedAt ?? run.createdAt) / 1000;
  const end = Date.parse(run.endedAt ?? run.startedAt ?? run.createdAt) / 1000;
  const events: EventObject[] = [fileVersionEvent(start)];
  const hparams = hparamsOf(run);
  events.push(
    hparamsEvent(HPARAMS.sessionStartTag, start, {
      session_start_info: {
        hparams: Object.fromEntries([...hparams].map(([k, v]) => [k, protoValue(v)])),
        group_name: run.specHash,
        start_time_secs: start,
      },
    }),
  );
  let points = 0;
  const series = store.getSeries(run.id);
  for (const s of series) {
    for (let i = 0; i < s.step.length; i++)
      events.push(
        scalarEvent(
          s.metric,
          s.step[i] as number,
          start + (s.wallMs[i] as number) / 1000,
          s.value[i] as number,
          i === 0,
        ),
      );
    points += s.step.length;
  }
  let histograms = 0;
  for (const p of store.getProfiles(run.id)) {
    for (const layer of p.layers) {
      const t = layer.hNorms.map((_, i) => i + 1);
      events.push(histogramEvent(`gradient_profile/layer${layer.layer}/dL_dh_t`, p.step, start, t, layer.hNorms));
      histograms++;
    }
  }
  events.push(
    hparamsEvent(HPARAMS.sessionEndTag, end, {
      session_end_info: { status: SESSION_STATUS[run.status] ?? 0, end_time_secs: end },
    }),
  );
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, eventFileName(start));
  const bytes = eventFile(events);
  fs.writeFileSync(file, bytes);
  return { file, bytes: bytes.length, tags: series.length, points, histograms };
}

export function exportTensorBoard(
  store: LabStore,
  outDir: string,
  options: TensorBoardExportOptions,
): TensorBoardExportReport {
  const ids = [...(options.runIds ?? [])];
  if (options.sweepId !== undefined) {
    store.getSweep(options.sweepId);
    ids.push(...store.matchingRunIds({ sweepId: options.sweepId }));
  }
  if (ids.length === 0) throw new LabError('invalid_argument', 'Name the runs to export (run ids, or a sweep).');
  const runs = [...new Set(ids)].map((id) => store.getRun(id)); // not_found before anything is written
  outDir = path.resolve(outDir);
  refuseOldEvents(outDir);
  const taken = new Set<string>();
  const reports = runs.map((run) => {
    const name = dirName(run.name, taken, run.id);
    const dir = path.join(outDir, name);
    return { runId: run.id, name, directory: dir, ...exportRun(store, run, dir) };
  });
  const metrics = LOSS_METRICS.filter((m) => runs.some((r) => r.metrics.includes(m)));
  const created = Math.min(...runs.map((r) => Date.parse(r.createdAt) / 1000));
  const experiment = hparamsEvent(HPARAMS.experimentTag, created, {
    experiment: experimentOf(runs.map(hparamsOf), metrics, created),
  });
  const experimentFile = path.join(outDir, eventFileName(created));
  const bytes = eventFile([fileVersionEvent(created), experiment]);
  fs.writeFileSync(experimentFile, bytes);
  return {
    directory: outDir,
    experimentFile,
    runs: reports,
    bytes: bytes.length + reports.reduce((n, r) => n + r.bytes, 0),
  };
}

/**
 * Reading a TensorBoard log directory: every `events.out.tfevents.*` file below it, one run per directory that
 * holds such files (several files are one run, read in wall-time order). Scalars come as `simple_value`
 * (TF1, PyTorch's SummaryWriter) or as rank-0 float/double tensors (TF2 `tf.summary.scalar`); histograms,
 * images, audio and other plugins' tensors are counted and skipped. Pure reading: nothing is stored here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LabError } from '../api/errors';
import { DT_DOUBLE, DT_FLOAT, EventType, HPARAMS, HParamsPluginDataType, SCALARS_PLUGIN } from './tensorboard-proto';
import { RecordError, readRecords } from './tfrecord';

export const EVENT_FILE = /^events\.out\.tfevents\./;
/** Directories walked at most, so a link loop or a whole disk given by mistake ends with an error. */
const MAX_DIRS = 10_000;

export interface TagSeries {
  step: number[];
  value: number[];
  /** Seconds since the epoch, as TensorBoard writes them. */
  wallTime: number[];
}

export interface EventRun {
  /** The directory's path relative to the log directory (`.` for the log directory itself). */
  name: string;
  directory: string;
  files: string[];
  scalars: Map<string, TagSeries>;
  /** Summary values not imported, by kind (`histograms`, `images`, a plugin's name, …). */
  skipped: Record<string, number>;
  /** Points dropped because a restarted writer went back in steps (TensorBoard drops them too). */
  purged: number;
  /** A file that ends inside a record: the file and the offset of that last, partial record. */
  truncated: { file: string; offset: number }[];
  /** HParams from a session_start_info summary, if the writer logged any. */
  hparams: Record<string, string | number | boolean> | null;
}

/** The directories (relative, sorted) holding event files, with those files. */
export function findEventDirs(root: string): Map<string, string[]> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new LabError('not_found', `No such directory: ${root}.`);
  }
  if (!stat.isDirectory())
    throw new LabError('invalid_argument', `${root} is not a directory (give the TensorBoard log directory).`);
  const out = new Map<string, string[]>();
  const queue = [root];
  let seen = 0;
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    if (++seen > MAX_DIRS)
      throw new LabError(
        'invalid_argument',
        `${root} holds more than ${MAX_DIRS} directories; give the log directory itself.`,
      );
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const files = entries.filter((e) => e.isFile() && EVENT_FILE.test(e.name)).map((e) => path.join(dir, e.name));
    if (files.length > 0) out.set(path.relative(root, dir) || '.', files);
    for (const e of entries) if (e.isDirectory()) queue.push(path.join(dir, e.name));
  }
  if (out.size === 0)
    throw new LabError('not_found', `No TensorBoard event files (events.out.tfevents.*) under ${root}.`);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface DecodedValue {
  tag?: string;
  value?: string;
  simple_value?: number;
  metadata?: { plugin_data?: { plugin_name?: string; content?: Uint8Array } };
  tensor?: {
    dtype?: number;
    tensor_shape?: { dim?: unknown[] };
    tensor_content?: Uint8Array;
    float_val?: number[];
    double_val?: number[];
  };
}

interface DecodedEvent {
  wall_time?: number;
  step?: number;
  what?: string;
  summary?: { value?: DecodedValue[] };
}

/** A rank-0 float or double tensor's value, or null for any other tensor. */
function scalarOfTensor(t: NonNullable<DecodedValue['tensor']>): number | null {
  if ((t.tensor_shape?.dim?.length ?? 0) !== 0) return null;
  const content = t.tensor_content;
  if (t.dtype === DT_FLOAT) {
    if (content && content.length === 4) return Buffer.from(content).readFloatLE(0);
    return t.float_val?.length === 1 ? (t.float_val[0] as number) : null;
  }
  if (t.dtype === DT_DOUBLE) {
    if (content && content.length === 8) return Buffer.from(content).readDoubleLE(0);
    return t.double_val?.length === 1 ? (t.double_val[0] as number) : null;
  }
  return null;
}

const KIND_OF: Record<string, string> = {
  histo: 'histograms',
  image: 'images',
  audio: 'audio',
  obsolete_old_style_histogram: 'histograms',
};

function decodeHParams(content: Uint8Array): Record<string, string | number | boolean> | null {
  const data = HParamsPluginDataType.toObject(HParamsPluginDataType.decode(content), { oneofs: true }) as {
    session_start_info?: {
      hparams?: Record<string, { numberValue?: number; stringValue?: string; boolValue?: boolean }>;
    };
  };
  const hp = data.session_start_info?.hparams;
  if (!hp) return null;
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(hp)) {
    const x = v.numberValue ?? v.stringValue ?? v.boolValue;
    if (x !== undefined) out[k] = x;
  }
  return out;
}

interface FileEvents {
  file: string;
  firstWall: number;
  events: DecodedEvent[];
  truncatedAt: number | null;
}

function readFile(file: string): FileEvents {
  const bytes = fs.readFileSync(file);
  let scan;
  try {
    scan = readRecords(bytes);
  } catch (e) {
    if (e instanceof RecordError)
      throw new LabError(
        'invalid_argument',
        `${file}: ${e.message} at byte ${e.offset}; nothing was imported from this run.`,
      );
    throw e;
  }
  const events = scan.records.map(({ offset, data }) => {
    try {
      return EventType.toObject(EventType.decode(data), { longs: Number, oneofs: true }) as DecodedEvent;
    } catch (e) {
      throw new LabError(
        'invalid_argument',
        `${file}: the record at byte ${offset} is not a TensorBoard Event (${(e as Error).message}); nothing was imported from this run.`,
      );
    }
  });
  return { file, firstWall: events[0]?.wall_time ?? Infinity, events, truncatedAt: scan.truncatedAt };
}

/** Reads one run's files; throws a LabError naming the file and byte offset of the first bad record. */
export function readEventRun(root: string, name: string, files: readonly string[]): EventRun {
  const read = files.map(readFile).sort((a, b) => a.firstWall - b.firstWall || (a.file < b.file ? -1 : 1));
  const run: EventRun = {
    name,
    directory: path.join(root, name),
    files: read.map((f) => f.file),
    scalars: new Map(),
    skipped: {},
    purged: 0,
    truncated: [],
    hparams: null,
  };
  const pluginOf = new Map<string, string>();
  const skip = (kind: string): void => {
    run.skipped[kind] = (run.skipped[kind] ?? 0) + 1;
  };
  for (const f of read) {
    if (f.truncatedAt !== null) run.truncated.push({ file: f.file, offset: f.truncatedAt });
    for (const ev of f.events) {
      if (ev.what === 'graph_def' || ev.what === 'meta_graph_def') skip('graphs');
      for (const v of ev.summary?.value ?? []) {
        const tag = v.tag ?? '';
        const plugin = v.metadata?.plugin_data?.plugin_name;
        if (plugin) pluginOf.set(tag, plugin);
        if (plugin === HPARAMS.pluginName && tag === HPARAMS.sessionStartTag && v.metadata?.plugin_data?.content) {
          run.hparams = decodeHParams(v.metadata.plugin_data.content);
          continue;
        }
        let x: number | null = null;
        if (v.value === 'simple_value') x = v.simple_value ?? 0;
        else if (v.value === 'tensor' && v.tensor && (pluginOf.get(tag) ?? SCALARS_PLUGIN) === SCALARS_PLUGIN)
          x = scalarOfTensor(v.tensor);
        if (x === null) {
          skip(v.value === 'tensor' ? (pluginOf.get(tag) ?? 'tensors') : (KIND_OF[v.value ?? ''] ?? 'other'));
          continue;
        }
        addPoint(run, tag, ev.step ?? 0, x, ev.wall_time ?? 0);
      }
    }
  }
  return run;
}

/** Appends a point; a step at or before the tag's last one means the writer restarted: later points are dropped. */
function addPoint(run: EventRun, tag: string, step: number, value: number, wallTime: number): void {
  let s = run.scalars.get(tag);
  if (!s) run.scalars.set(tag, (s = { step: [], value: [], wallTime: [] }));
  if (s.step.length > 0 && step <= (s.step.at(-1) as number)) {
    let keep = s.step.length;
    while (keep > 0 && (s.step[keep - 1] as number) >= step) keep--;
    run.purged += s.step.length - keep;
    s.step.length = keep;
    s.value.length = keep;
    s.wallTime.length = keep;
  }
  s.step.push(step);
  s.value.push(value);
  s.wallTime.push(wallTime);
}

/** Every run under a log directory; the first bad file stops the whole read. */
export function readLogDir(root: string): EventRun[] {
  return [...findEventDirs(root).entries()].map(([name, files]) => readEventRun(root, name, files));
}

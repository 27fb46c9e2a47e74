/**
 * Building TensorBoard events: scalars as TF2's `tf.summary.scalar` writes them (a rank-0 DT_FLOAT tensor,
 * the `scalars` plugin named on a tag's first value), histograms in the classic `HistogramProto`, and the
 * HParams plugin's summaries (a null tensor whose metadata carries the plugin data, as
 * tensorboard/plugins/hparams/summary_v2.py writes them).
 */
import { DT_FLOAT, EventType, HPARAMS, HParamsPluginDataType, SCALARS_PLUGIN } from './tensorboard-proto';
import { writeRecords } from './tfrecord';

export type EventObject = Record<string, unknown>;

const encode = (e: EventObject): Uint8Array => EventType.encode(EventType.fromObject(e)).finish();

export function fileVersionEvent(wallTime: number): EventObject {
  return { wall_time: wallTime, file_version: 'brain.Event:2' };
}

/** A float32 scalar; `first` adds the tag's plugin metadata (TensorBoard keeps the first it sees per tag). */
export function scalarEvent(tag: string, step: number, wallTime: number, value: number, first: boolean): EventObject {
  const content = Buffer.alloc(4);
  content.writeFloatLE(value, 0); // NaN and ±Infinity survive, where float_val's JSON-ish path might not
  return {
    wall_time: wallTime,
    step,
    summary: {
      value: [
        {
          tag,
          ...(first ? { metadata: { plugin_data: { plugin_name: SCALARS_PLUGIN }, data_class: 1 } } : {}),
          tensor: { dtype: DT_FLOAT, tensor_shape: {}, tensor_content: content },
        },
      ],
    },
  };
}

/** A histogram with one bucket per edge pair: `counts[i]` over (`edges[i-1]`, `edges[i]`]. */
export function histogramEvent(
  tag: string,
  step: number,
  wallTime: number,
  edges: readonly number[],
  counts: readonly number[],
): EventObject {
  const finite = counts.map((c) => (Number.isFinite(c) ? c : 0));
  const num = finite.reduce((a, b) => a + b, 0);
  const sum = finite.reduce((a, c, i) => a + c * (edges[i] as number), 0);
  const sumSq = finite.reduce((a, c, i) => a + c * (edges[i] as number) ** 2, 0);
  return {
    wall_time: wallTime,
    step,
    summary: {
      value: [
        {
          tag,
          histo: {
            min: edges[0] ?? 0,
            max: edges.at(-1) ?? 0,
            num,
            sum,
            sum_squares: sumSq,
            bucket_limit: [...edges],
            bucket: finite,
          },
        },
      ],
    },
  };
}

export type HParamsData = { experiment: object } | { session_start_info: object } | { session_end_info: object };

export function hparamsEvent(tag: string, wallTime: number, data: HParamsData): EventObject {
  const content = HParamsPluginDataType.encode(
    HParamsPluginDataType.fromObject({ version: HPARAMS.version, ...data }),
  ).finish();
  return {
    wall_time: wallTime,
    summary: {
      value: [
        {
          tag,
          metadata: { plugin_data: { plugin_name: HPARAMS.pluginName, content } },
          tensor: { dtype: DT_FLOAT, tensor_shape: {}, float_val: [0] },
        },
      ],
    },
  };
}

/** One event file's bytes. */
export function eventFile(events: readonly EventObject[]): Buffer {
  return writeRecords(events.map(encode));
}

/** TensorBoard finds event files by this name pattern; the host part keeps names unique per writer. */
export function eventFileName(wallTime: number, host = 'gradlab'): string {
  return `events.out.tfevents.${Math.floor(wallTime)}.${host}.${process.pid}.0`;
}

/**
 * The messages the lab writes itself (CSV refusals, bundle checks, engine start-up, …) in both languages, as
 * ICU MessageFormat. A LabError carries the id and values (LabText in ./errors): the CLI prints the English
 * built from here, the window says the same message in its own language. Values that are identifiers, line
 * numbers or sizes are passed as strings, so no locale regroups their digits; only plural arguments are numbers.
 */
import type { Localized } from './lang';

const m = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

const ALLOWED_NUMBER_EN = 'values must be decimal numbers such as 0.5, -2 or 1e-3';
const ALLOWED_NUMBER_ZH = '值必须是十进制数，例如 0.5、-2 或 1e-3';
const AT_EN = '{file}, line {line}';
const AT_ZH = '{file} 第 {line} 行';
const AT_COL_EN = '{file}, line {line}, column {col}';
const AT_COL_ZH = '{file} 第 {line} 行第 {col} 列';
const NO_ROWS_EN = 'expected one sequence per line, comma-separated numbers with the target last';
/** A run's status in Chinese; one this catalog does not know is shown as the lab wrote it. */
const STATUS_ZH =
  '{status, select, queued {排队中} running {运行中} completed {已完成} stopped {已停止} diverged {已发散} failed {失败} interrupted {已中断} imported {已导入} other {{status}}}';
const NO_ROWS_ZH = '应每行一个序列，数字以逗号分隔，目标值在最后';

export const LAB_MESSAGES = {
  'csv.classesAfterData': m(
    `${AT_EN}: {field} must come before the first data row.`,
    `${AT_ZH}：{field} 必须写在第一行数据之前。`,
  ),
  'csv.badClassCount': m(
    `${AT_EN}: {field} is not a valid class count; use "# classes=K" with K an integer from 2 to {max}.`,
    `${AT_ZH}：{field} 不是有效的类别数；请写 "# classes=K"，K 为 2 到 {max} 的整数。`,
  ),
  'csv.emptyValue': m(
    `${AT_COL_EN}: empty value; ${ALLOWED_NUMBER_EN}.`,
    `${AT_COL_ZH}：值为空；${ALLOWED_NUMBER_ZH}。`,
  ),
  'csv.notFinite': m(
    `${AT_COL_EN}: {field} is not a finite number; NaN and Infinity are not allowed, values must be finite and within ±3.4e38.`,
    `${AT_COL_ZH}：{field} 不是有限数；不允许 NaN 和 Infinity，值必须有限且在 ±3.4e38 之内。`,
  ),
  'csv.notNumber': m(
    `${AT_COL_EN}: {field} is not a number; ${ALLOWED_NUMBER_EN}.`,
    `${AT_COL_ZH}：{field} 不是数字；${ALLOWED_NUMBER_ZH}。`,
  ),
  'csv.valueTooLarge': m(
    `${AT_COL_EN}: {field} is too large; values must be finite and within ±3.4e38.`,
    `${AT_COL_ZH}：{field} 过大；值必须有限且在 ±3.4e38 之内。`,
  ),
  'csv.tooFewValues': m(
    `${AT_EN}: {count, plural, one {{n} value} other {{n} values}}, but a row needs at least 2 (one input and the target).`,
    `${AT_ZH}：{count, plural, other {有 {n} 个值}}，但每行至少需要 2 个（一个输入和目标值）。`,
  ),
  'csv.tooFewValuesSeq': m(
    `${AT_EN}: {count, plural, one {{n} value} other {{n} values}}, but a row needs at least {min} (seqLen {seqLen} inputs and the target).`,
    `${AT_ZH}：{count, plural, other {有 {n} 个值}}，但每行至少需要 {min} 个（seqLen 指定的 {seqLen} 个输入和目标值）。`,
  ),
  'csv.widthMismatch': m(
    `${AT_EN}: {count} values, but line {widthLine} has {width}; every row must have the same number of values.`,
    `${AT_ZH}：有 {count} 个值，但第 {widthLine} 行有 {width} 个；每行的值个数必须相同。`,
  ),
  'csv.badTarget': m(
    `${AT_COL_EN}: target {field} is not a class id; with "# classes={classes}" the last value must be an integer from 0 to {maxId}.`,
    `${AT_COL_ZH}：目标值 {field} 不是类别编号；在 "# classes={classes}" 下，最后一个值必须是 0 到 {maxId} 的整数。`,
  ),
  'csv.empty': m(`{file}: the file is empty; ${NO_ROWS_EN}.`, `{file}：文件为空；${NO_ROWS_ZH}。`),
  'csv.noRows': m(`{file}: no data rows; ${NO_ROWS_EN}.`, `{file}：没有数据行；${NO_ROWS_ZH}。`),
  'csv.oneRow': m(
    '{file}: only 1 data row; at least 2 are needed (one to train on, one held out).',
    '{file}：只有 1 行数据；至少需要 2 行（一行用于训练，一行留作验证）。',
  ),
  'csv.tooLarge': m(
    'Cannot read CSV file {path}: it is {mib} MiB; at most {max} MiB is allowed.',
    '无法读取 CSV 文件 {path}：文件有 {mib} MiB；最多允许 {max} MiB。',
  ),
  'csv.unreadable': m(
    'Cannot read CSV file {path}: {reason, select, ENOENT {no such file} EISDIR {it is a directory, not a file} EACCES {permission denied} other {{detail}}}.',
    '无法读取 CSV 文件 {path}：{reason, select, ENOENT {文件不存在} EISDIR {这是一个目录，不是文件} EACCES {没有权限} other {{detail}}}。',
  ),

  'bundle.notGzip': m(
    'Not a gradlab bundle: the data is not a complete gzip file ({detail}).',
    '不是 gradlab 数据包：数据不是完整的 gzip 文件（{detail}）。',
  ),
  'bundle.notJson': m('Not a gradlab bundle: the content is not JSON.', '不是 gradlab 数据包：内容不是 JSON。'),
  'bundle.badFormat': m(
    'Not a gradlab bundle: its format is {format}, not "{expected}".',
    '不是 gradlab 数据包：其格式为 {format}，而不是 "{expected}"。',
  ),
  'bundle.badVersion': m(
    'Malformed gradlab bundle: version {version} is not a positive integer.',
    'gradlab 数据包格式错误：版本 {version} 不是正整数。',
  ),
  'bundle.newer': m(
    'This bundle was written by a newer gradlab (bundle version {version}; this one reads up to {max}). Update gradlab to import it.',
    '此数据包由更新版本的 gradlab 写入（数据包版本 {version}；本版本最多读取 {max}）。请更新 gradlab 后再导入。',
  ),
  'bundle.noSpec': m(
    'Malformed gradlab bundle: run {run} (bundle.runs.{index}) has no spec but is not an imported run with a source.',
    'gradlab 数据包格式错误：运行 {run}（bundle.runs.{index}）没有配置，却也不是带来源的导入运行。',
  ),
  'bundle.badSeries': m(
    'Malformed gradlab bundle: series {metric} of run {run}: {detail}',
    'gradlab 数据包格式错误：运行 {run} 的序列 {metric}：{detail}',
  ),
  'bundle.missingSweep': m(
    'Malformed gradlab bundle: run {run} belongs to sweep {sweep}, which the bundle does not contain.',
    'gradlab 数据包格式错误：运行 {run} 属于扫描 {sweep}，但数据包中没有该扫描。',
  ),

  'api.unknownMethod': m('Unknown method "{method}"', '未知方法 "{method}"'),

  'engine.infoTimeout': m(
    'The engine process did not report its backend within {seconds} s',
    '引擎进程未在 {seconds} 秒内报告其后端',
  ),
  'engine.startFailed': m('The engine could not start: {detail}', '引擎无法启动：{detail}'),
  'engine.exitedEarly': m(
    'The engine process exited before reporting its backend (code {code}, signal {signal})',
    '引擎进程在报告后端之前退出（退出码 {code}，信号 {signal}）',
  ),

  'grid.tooMany': m(
    'The grid makes {total} runs; a sweep may have at most {max}',
    '该网格会产生 {total} 个运行；一次扫描最多 {max} 个',
  ),
  'grid.tooManyIssue': m('at most {max} combinations', '最多 {max} 种组合'),
  'grid.badSpec': m('The grid point {label} is not a valid spec: {detail}', '网格点 {label} 不是有效的配置：{detail}'),

  'series.stepsIncrease': m(
    'Steps of metric {metric} must increase: step {step} follows {previous}.',
    '指标 {metric} 的步数必须递增：第 {step} 步出现在第 {previous} 步之后。',
  ),
  'series.appendConflict': m(
    'Run {run} already has {metric} up to step {last}; cannot append step {step} (truncate after a checkpoint first).',
    '运行 {run} 的 {metric} 已记录到第 {last} 步；无法追加第 {step} 步（请先在某个检查点之后截断）。',
  ),
  'series.noRun': m('No run with id {run}.', '没有 id 为 {run} 的运行。'),

  'lab.noStore': m('This lab was opened without a run history database', '此实验室启动时没有运行历史数据库'),
  'lab.noCluster': m(
    'This lab has no cluster: start it with --broker redis://:PASSWORD@HOST:PORT (or set GRADLAB_BROKER)',
    '此实验室没有集群：请用 --broker redis://:PASSWORD@HOST:PORT 启动（或设置 GRADLAB_BROKER）',
  ),
  'lab.nothingToStop': m(
    'Run {run} is {status}, not queued or running: nothing to stop',
    `运行 {run} 的状态为${STATUS_ZH}，既未排队也未运行：没有可停止的内容`,
  ),
  'lab.notResumable': m(
    'Run {run} is {status}: only interrupted, stopped or failed runs can be resumed',
    `运行 {run} 的状态为${STATUS_ZH}：只有已中断、已停止或失败的运行才能恢复`,
  ),
  'lab.noCheckpoint': m(
    'Run {run} has no checkpoint to resume from (checkpoints are written every train.checkpointEvery steps)',
    '运行 {run} 没有可恢复的检查点（检查点每 train.checkpointEvery 步写入一次）',
  ),

  'predict.timeout': m('The engine gave no predictions within {seconds} s', '引擎未在 {seconds} 秒内给出预测'),
  'predict.failed': m('The engine could not predict: {detail}', '引擎无法预测：{detail}'),
  'predict.killed': m(
    'The engine process was killed ({signal}) before it predicted',
    '引擎进程在预测之前被终止（{signal}）',
  ),
  'predict.exited': m(
    'The engine process exited with code {code} before it predicted',
    '引擎进程在预测之前退出，退出码 {code}',
  ),

  'cluster.csvUnreadable': m(
    'task.path: cannot read the CSV task file {path}: {detail}',
    'task.path：无法读取 CSV 任务文件 {path}：{detail}',
  ),
} as const satisfies Record<string, Localized>;

export type LabMessageId = keyof typeof LAB_MESSAGES;

export function isLabMessageId(v: unknown): v is LabMessageId {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(LAB_MESSAGES, v);
}

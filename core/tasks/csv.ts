/**
 * ## CSV sequences (`task: { "kind": "csv", "path": "data.csv" }`)
 *
 * A CSV task file holds one sequence per line: comma-separated numbers. The first values of a line are
 * the inputs x_1 … x_n (one input channel, one value per time step); the last value is the target the
 * network must output after the last step.
 *
 * ```
 * # classes=3
 * x1,x2,x3,x4,label
 * 0.1,0.5,-0.2,1.3,2
 * 0.0,0.4,0.9,-1.1,0
 * ```
 *
 * - **Regression** (default): the target is any number, scored by MSE on the last step (`mse_last`).
 * - **Classification**: a line `# classes=K` (K from 2 to 1000) before the first data row makes the
 *   target a class id, an integer from 0 to K−1, scored by cross-entropy on the last step (`xent_last`),
 *   with accuracy.
 * - Other lines starting with `#` are comments. Blank lines are ignored. A first line whose every field
 *   is text (column names, as above) is a header and is skipped.
 * - Values are decimal numbers (`1`, `-0.5`, `2.5e-3`), optionally padded with spaces. Empty fields, text,
 *   `NaN` and `Infinity` (or values beyond ±3.4e38) are errors.
 * - Every row has the same number of values, at least 2 (one input and the target). With `seqLen` in the
 *   spec, only the last `seqLen` inputs of each row are used, and every row needs at least `seqLen + 1`
 *   values.
 * - At least 2 data rows. A fixed seeded shuffle holds out 20% of the rows (at least one) for the
 *   held-out and probe batches; the other rows are the training data, visited in seeded epochs.
 * - Baseline ("learned nothing"): the variance of the targets for regression, the entropy of the class
 *   frequencies for classification.
 * - Every error names the file, the line (counted from 1) and what is allowed, e.g.
 *   `data.csv, line 3, column 2: "abc" is not a number; values must be decimal numbers such as 0.5, -2 or 1e-3.`
 */
import { readFileSync, statSync } from 'node:fs';
import { LabError, labError, type LabMessageId, type LabValues } from '../api/errors';
import { datasetTask, splitExamples } from './sampling';
import type { TaskDefinition } from './types';

export const CSV_SPLIT_SEED = 0x5eed_c5f;
export const CSV_HELDOUT_FRACTION = 0.2;
export const CSV_MAX_BYTES = 256 * 1024 * 1024;
export const CSV_MAX_CLASSES = 1000;
const FLOAT32_MAX = 3.4028234663852886e38;

export interface CsvDataset {
  rows: number;
  /** Input steps per row (after `seqLen` truncation). */
  steps: number;
  /** rows × steps inputs, row-major. */
  inputs: Float32Array;
  /** Regression targets (Float32Array) or class ids (Int32Array). */
  targets: Float32Array | Int32Array;
  /** Number of classes, or null for regression. */
  classes: number | null;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
const CLASSES = /^#\s*classes\s*=\s*(.*)$/i;

/** A field as an error quotes it: never more than QUOTE_MAX characters of it (a field can be megabytes long). */
const QUOTE_MAX = 32;
export function quoteField(field: string): string {
  const shown = field.length > QUOTE_MAX ? `${field.slice(0, QUOTE_MAX)}…" (${field.length} characters)` : `${field}"`;
  return `"${shown}`;
}

function csvError(id: LabMessageId, values: LabValues): LabError {
  return labError('invalid_argument', id, values, { issuePath: 'task.path' });
}

/** Parses CSV text (see the format above); `file` names the file in error messages. */
export function parseCsv(text: string, file: string, seqLen?: number): CsvDataset {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  let classes: number | null = null;
  let width = 0;
  let widthLine = 0;
  let headerChecked = false;
  const rows: number[][] = [];
  const minWidth = seqLen === undefined ? 2 : seqLen + 1;
  const at = (n: number, col?: number): LabValues =>
    col === undefined ? { file, line: String(n) } : { file, line: String(n), col: String(col) };

  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const m = CLASSES.exec(line);
      if (!m) return;
      if (rows.length > 0) throw csvError('csv.classesAfterData', { ...at(n), field: quoteField(line) });
      const k = m[1]!.trim();
      if (!/^\d+$/.test(k) || Number(k) < 2 || Number(k) > CSV_MAX_CLASSES) {
        throw csvError('csv.badClassCount', { ...at(n), field: quoteField(line), max: String(CSV_MAX_CLASSES) });
      }
      classes = Number(k);
      return;
    }
    const fields = line.split(',').map((f) => f.trim());
    if (!headerChecked) {
      headerChecked = true;
      if (fields.every((f) => f !== '' && !NUMBER.test(f) && !NON_FINITE.test(f))) return;
    }
    const values = fields.map((f, j) => {
      if (f === '') throw csvError('csv.emptyValue', at(n, j + 1));
      if (NON_FINITE.test(f)) {
        throw csvError('csv.notFinite', { ...at(n, j + 1), field: quoteField(f) });
      }
      if (!NUMBER.test(f)) throw csvError('csv.notNumber', { ...at(n, j + 1), field: quoteField(f) });
      const v = Number(f);
      if (!(Math.abs(v) <= FLOAT32_MAX)) {
        throw csvError('csv.valueTooLarge', { ...at(n, j + 1), field: quoteField(f) });
      }
      return v;
    });
    if (values.length < minWidth) {
      throw seqLen === undefined
        ? csvError('csv.tooFewValues', { ...at(n), count: values.length, n: String(values.length) })
        : csvError('csv.tooFewValuesSeq', {
            ...at(n),
            count: values.length,
            n: String(values.length),
            min: String(minWidth),
            seqLen: String(seqLen),
          });
    }
    if (rows.length === 0) {
      width = values.length;
      widthLine = n;
    } else if (values.length !== width) {
      throw csvError('csv.widthMismatch', {
        ...at(n),
        count: String(values.length),
        widthLine: String(widthLine),
        width: String(width),
      });
    }
    if (classes !== null) {
      const c = values[values.length - 1]!;
      if (!Number.isInteger(c) || c < 0 || c >= classes) {
        throw csvError('csv.badTarget', {
          ...at(n, values.length),
          field: quoteField(fields[fields.length - 1]!),
          classes: String(classes),
          maxId: String(classes - 1),
        });
      }
    }
    rows.push(values);
  });

  if (rows.length === 0 && text.trim() === '') {
    throw csvError('csv.empty', { file });
  }
  if (rows.length === 0) {
    throw csvError('csv.noRows', { file });
  }
  if (rows.length < 2) {
    throw csvError('csv.oneRow', { file });
  }
  const steps = seqLen ?? width - 1;
  const skip = width - 1 - steps;
  const inputs = new Float32Array(rows.length * steps);
  const targets = classes === null ? new Float32Array(rows.length) : new Int32Array(rows.length);
  rows.forEach((r, e) => {
    for (let t = 0; t < steps; t++) inputs[e * steps + t] = r[skip + t]!;
    targets[e] = r[width - 1]!;
  });
  return { rows: rows.length, steps, inputs, targets, classes };
}

/** The read failure as csv.unreadable's values: a known errno is said by the catalog, anything else as Node wrote it. */
function readErrorValues(e: unknown): LabValues {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EISDIR') return { reason: code, detail: '' };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'EACCES', detail: '' };
  return { reason: 'other', detail: (e as Error).message };
}

/** Reads and parses a CSV task file; every failure is a LabError('invalid_argument') naming the file. */
export function readCsvFile(path: string, seqLen?: number): CsvDataset {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > CSV_MAX_BYTES) {
      throw csvError('csv.tooLarge', {
        path,
        mib: String(Math.round(size / 1048576)),
        max: String(CSV_MAX_BYTES / 1048576),
      });
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof LabError) throw e;
    throw csvError('csv.unreadable', { path, ...readErrorValues(e) });
  }
  return parseCsv(text, path, seqLen);
}

/** The loss of predicting the targets' mean (regression) or the class frequencies (classification). */
export function csvBaseline(data: CsvDataset): number {
  const n = data.rows;
  if (data.classes === null) {
    let mean = 0;
    for (const v of data.targets) mean += v / n;
    let sq = 0;
    for (const v of data.targets) sq += (v - mean) ** 2 / n;
    return sq;
  }
  const freq = new Float64Array(data.classes);
  for (const c of data.targets) freq[c]! += 1 / n;
  let h = 0;
  for (const p of freq) if (p > 0) h -= p * Math.log(p);
  return h;
}

export const csvTask: TaskDefinition<'csv'> = {
  kind: 'csv',
  create(spec, seed) {
    const data = readCsvFile(spec.path, spec.seqLen);
    const T = data.steps;
    const classes = data.classes;
    return datasetTask(
      {
        kind: 'csv',
        seqLen: T,
        inputSize: 1,
        outputSize: classes ?? 1,
        lossKind: classes === null ? 'mse_last' : 'xent_last',
        hasAccuracy: classes !== null,
        baseline: {
          value: csvBaseline(data),
          label: classes === null ? 'predict the mean (target variance)' : 'predict the class frequencies',
        },
      },
      seed,
      splitExamples(data.rows, CSV_HELDOUT_FRACTION, CSV_SPLIT_SEED),
      (indices) => {
        const B = indices.length;
        const x = new Float32Array(T * B);
        for (let b = 0; b < B; b++) {
          const e = indices[b]!;
          for (let t = 0; t < T; t++) x[t * B + b] = data.inputs[e * T + t]!;
        }
        if (classes === null) {
          const y = Float32Array.from(indices, (e) => data.targets[e]!);
          return { T, B, inputSize: 1, x, target: { kind: 'mse_last', y } };
        }
        const y = Int32Array.from(indices, (e) => data.targets[e]!);
        return { T, B, inputSize: 1, x, target: { kind: 'xent_last', y } };
      },
    );
  },
};

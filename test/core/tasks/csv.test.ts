import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../core/api/errors';
import { createTask } from '../../../core/tasks';
import { parseCsv, readCsvFile } from '../../../core/tasks/csv';
import { batchBytes, expectShape, xAt } from './helpers';

const FIXTURES = join(__dirname, '../../fixtures/csv');
const fixture = (name: string): string => join(FIXTURES, name);
const expected = JSON.parse(readFileSync(fixture('expected-errors.json'), 'utf8')) as Record<string, string>;

function caught(fn: () => unknown): LabError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LabError);
    return e as LabError;
  }
  throw new Error('expected an error');
}

describe('csv error corpus (test/fixtures/csv/expected-errors.json)', () => {
  it('lists every bad fixture; only the good ones are left out', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'));
    expect(files.filter((f) => !(f in expected)).sort()).toEqual(['classes.csv', 'regression.csv']);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, message] of Object.entries(expected)) {
    it(`${name} → ${message.replace('{file}', name)}`, () => {
      const path = fixture(name);
      const e = caught(() => createTask({ kind: 'csv', path }, 1));
      expect(e.code).toBe('invalid_argument');
      expect(e.message).toBe(message.replace('{file}', path));
      // The issue repeats the message with its id, so the window can say it in Chinese too.
      expect(e.issues).toEqual([{ path: 'task.path', message: e.message, text: e.text }]);
      expect(e.text?.id).toMatch(/^csv\./);
    });
  }

  it('names the file and the line of every row-level error', () => {
    for (const [name, message] of Object.entries(expected)) {
      expect(message.startsWith('{file}')).toBe(true);
      if (!['empty.csv', 'comments-only.csv', 'one-row.csv'].includes(name))
        expect(message).toMatch(/^\{file\}, line \d+/);
    }
  });

  it('reports a missing file and a directory', () => {
    const missing = join(FIXTURES, 'no-such-file.csv');
    expect(caught(() => createTask({ kind: 'csv', path: missing }, 1)).message).toBe(
      `Cannot read CSV file ${missing}: no such file.`,
    );
    expect(caught(() => createTask({ kind: 'csv', path: FIXTURES }, 1)).message).toBe(
      `Cannot read CSV file ${FIXTURES}: it is a directory, not a file.`,
    );
  });

  it('rejects rows shorter than seqLen + 1', () => {
    expect(caught(() => readCsvFile(fixture('regression.csv'), 5)).message).toBe(
      `${fixture('regression.csv')}, line 3: 5 values, but a row needs at least 6 (seqLen 5 inputs and the target).`,
    );
  });

  it('rejects an empty path through the spec schema', () => {
    const e = caught(() => createTask({ kind: 'csv', path: '' }, 1));
    expect(e.code).toBe('invalid_argument');
    expect(e.issues[0]?.path).toBe('task.path');
  });
});

describe('csv regression', () => {
  const path = fixture('regression.csv');

  it('skips comments, the column-name header and blank lines; accepts CRLF and padded fields', () => {
    const data = readCsvFile(path);
    expect(data).toMatchObject({ rows: 10, steps: 4, classes: null });
    expect([...data.inputs.subarray(0, 4)]).toEqual([...Float32Array.from([0.1, 0.5, -0.2, 1.3])]);
    expect(data.targets[4]).toBe(26); // " 5 , 6 ,7,8, 26 "
  });

  it('builds an mse_last task with the target variance as baseline', () => {
    const task = createTask({ kind: 'csv', path }, 1);
    expect(task).toMatchObject({ seqLen: 4, inputSize: 1, outputSize: 1, lossKind: 'mse_last', hasAccuracy: false });
    const ys = Array.from(readCsvFile(path).targets);
    const mean = ys.reduce((a, v) => a + v, 0) / ys.length;
    expect(task.baseline?.value).toBeCloseTo(ys.reduce((a, v) => a + (v - mean) ** 2, 0) / ys.length, 4);
    const B = 5;
    const batch = task.trainBatch(0, B);
    expectShape(task, batch, B);
    // Every sequence is a row of the file, its target the row's last value.
    const data = readCsvFile(path);
    for (let b = 0; b < B; b++) {
      const seq = Array.from({ length: 4 }, (_, t) => xAt(batch, t, b));
      const e = [...Array(data.rows).keys()].find((r) => seq.every((v, t) => v === data.inputs[r * 4 + t]));
      expect(e).toBeDefined();
      expect(batch.target.y[b]).toBe(data.targets[e!]);
    }
  });

  it('keeps the last seqLen inputs when seqLen is given', () => {
    const task = createTask({ kind: 'csv', path, seqLen: 2 }, 1);
    expect(task.seqLen).toBe(2);
    expect([...readCsvFile(path, 2).inputs.subarray(0, 2)]).toEqual([...Float32Array.from([-0.2, 1.3])]);
  });

  it('holds out 20% of the rows (2 of 10), never used for training, and walks the rest in epochs', () => {
    const task = createTask({ kind: 'csv', path }, 9);
    const key = (batch: ReturnType<typeof task.trainBatch>, b: number): string =>
      `${xAt(batch, 0, b)},${xAt(batch, 3, b)}`;
    const epoch = new Set<string>();
    for (let step = 0; step < 4; step++) {
      const batch = task.trainBatch(step, 2);
      for (let b = 0; b < 2; b++) epoch.add(key(batch, b));
    }
    expect(epoch.size).toBe(8); // one epoch = 8 training rows, each once
    const held = task.heldoutBatch(2);
    const heldKeys = [key(held, 0), key(held, 1)];
    for (const k of heldKeys) expect(epoch.has(k)).toBe(false);
    expect(new Set(heldKeys).size).toBe(2);
    const probe = task.probeBatch(1);
    expect(key(probe, 0)).toBe(heldKeys[1]); // probe starts from the other end of the held-out rows
    // Larger batches than the held-out set wrap around.
    expect(task.heldoutBatch(5).B).toBe(5);
    // The split does not depend on the run's seed.
    const other = createTask({ kind: 'csv', path }, 10).heldoutBatch(2);
    expect(batchBytes(other).equals(batchBytes(held))).toBe(true);
  });
});

describe('csv classification', () => {
  const path = fixture('classes.csv');

  it('builds an xent_last task over K classes with the class-frequency entropy as baseline', () => {
    const task = createTask({ kind: 'csv', path }, 1);
    expect(task).toMatchObject({ seqLen: 3, inputSize: 1, outputSize: 3, lossKind: 'xent_last', hasAccuracy: true });
    // classes.csv holds 4 × class 2, 3 × class 0, 3 × class 1.
    const p = [0.3, 0.3, 0.4];
    expect(task.baseline?.value).toBeCloseTo(-p.reduce((a, q) => a + q * Math.log(q), 0), 6);
    const batch = task.trainBatch(0, 4);
    expectShape(task, batch, 4);
    expect(batch.target.y).toBeInstanceOf(Int32Array);
    for (let b = 0; b < 4; b++) {
      const sum = xAt(batch, 0, b) + xAt(batch, 1, b) + xAt(batch, 2, b);
      expect(batch.target.y[b]).toBe(sum < 0 ? 0 : sum === 0 ? 1 : 2);
    }
  });

  it('parses text directly, naming the given file', () => {
    expect(parseCsv('# classes=2\n1,0\n2,1\n', 'inline.csv')).toMatchObject({ rows: 2, steps: 1, classes: 2 });
    expect(() => parseCsv('1,2\nfoo,3\n', 'inline.csv')).toThrow('inline.csv, line 2, column 1: "foo" is not a number');
  });

  it('reads files written at run time (temporary directory)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradlab-csv-'));
    const file = join(dir, 'seq.csv');
    writeFileSync(file, '1,2,3\n4,5,6\n7,8,9\n');
    expect(createTask({ kind: 'csv', path: file }, 1).seqLen).toBe(2);
  });
});

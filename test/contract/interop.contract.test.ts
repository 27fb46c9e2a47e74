/**
 * importTensorBoard / exportTensorBoard over both real bindings of one Lab (IPC pair and HTTP), on a real
 * database: the same answers, errors included.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../../core/lab/lab';
import { forkLauncher } from '../../core/lab/fork-launcher';
import { tempDb } from '../core/lab/helpers';
import { failure, httpBinding, ipcBinding, type Binding } from './bindings';

let lab: Lab;
const bindings: Binding[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-contract-tb-'));

beforeAll(async () => {
  lab = createLab({
    mode: 'test',
    version: '0.0.0-test',
    launcher: forkLauncher(),
    databasePath: tempDb(),
    concurrency: 1,
  });
  bindings.push(ipcBinding(lab.handlers, lab.subscribe), await httpBinding(lab.handlers, lab.subscribe));
  execFileSync('python3', [
    path.resolve(__dirname, '../fixtures/tensorboard/make_events.py'),
    path.join(dir, 'logs'),
    'truncated',
  ]);
});
afterAll(async () => {
  for (const b of bindings) await b.close();
  await lab.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('TensorBoard in and out over both bindings', () => {
  it('import through each binding, export through each, alike', async () => {
    const reports = [];
    for (const b of bindings) reports.push(await b.client.importTensorBoard({ directory: path.join(dir, 'logs') }));
    const [a, b] = reports;
    expect(a!.runs[0]!.truncated).toEqual(b!.runs[0]!.truncated);
    expect(a!.runs[0]!.run.status).toBe('imported');
    expect(a!.runs[0]!.points).toBe(4);
    const exported = [];
    for (const bd of bindings)
      exported.push(
        await bd.client.exportTensorBoard({
          directory: path.join(dir, `out-${bd.name}`),
          runIds: [a!.runs[0]!.run.id],
        }),
      );
    expect(exported[0]!.runs[0]!.points).toBe(exported[1]!.runs[0]!.points);
    expect(exported[0]!.runs[0]!.bytes).toBe(exported[1]!.runs[0]!.bytes);
  });

  it('fail alike for a missing directory and an empty argument', async () => {
    const [a, b] = await Promise.all(
      bindings.map((bd) => failure(bd.client.importTensorBoard({ directory: path.join(dir, 'missing') }))),
    );
    expect(a).toEqual(b);
    expect(a!.code).toBe('not_found');
    const [c, d] = await Promise.all(bindings.map((bd) => failure(bd.client.exportTensorBoard({ directory: '' }))));
    expect(c).toEqual(d);
    expect(c!.code).toBe('invalid_argument');
  });
});

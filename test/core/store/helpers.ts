/** Real SQLite files in a fresh temp directory per test; nothing is mocked. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { LabStore, type StoreOptions } from '../../../core/store';

const dirs: string[] = [];
const stores: LabStore[] = [];

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-store-'));
  dirs.push(d);
  return d;
}

export function tempPath(name = 'lab.db'): string {
  return path.join(tempDir(), name);
}

/** A store closed after the test. */
export function openStore(file = tempPath(), options: StoreOptions = {}): LabStore {
  const s = LabStore.open(file, options);
  stores.push(s);
  return s;
}

/** A clock that moves one second per call, from a fixed start. */
export function steppingClock(
  start = '2026-03-01T00:00:00.000Z',
  stepMs = 1000,
): { now: () => Date; set: (iso: string) => void } {
  let t = Date.parse(start) - stepMs;
  return {
    now: () => new Date((t += stepMs)),
    set: (iso: string) => {
      t = Date.parse(iso) - stepMs;
    },
  };
}

export { steps } from './steps-data';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/store');

/**
 * Which file engine processes start from: the built bundle only while it is at least as new as everything it
 * is built from, the TypeScript sources otherwise, so no test or run silently uses a stale build.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkoutEngineEntries,
  chooseEngineEntry,
  newestMtime,
  type EngineEntries,
} from '../../../core/lab/engine-entry';
import { defaultEngineEntry } from '../../../core/lab/fork-launcher';

/** A checkout in a temp folder: core/engine/process/entry.ts, a nested source file, out/main/engine.js. */
function checkout(): EngineEntries & { nested: string } {
  const root = mkdtempSync(join(tmpdir(), 'gradlab-entry-'));
  mkdirSync(join(root, 'core/engine/process'), { recursive: true });
  mkdirSync(join(root, 'out/main'), { recursive: true });
  const e = {
    source: join(root, 'core/engine/process/entry.ts'),
    bundle: join(root, 'out/main/engine.js'),
    inputs: [join(root, 'core'), join(root, 'build.config.ts')],
    nested: join(root, 'core/engine/model.ts'),
  };
  for (const f of [e.source, e.nested, e.inputs[1]!]) writeFileSync(f, '// source\n');
  return e;
}
const setTime = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
const T = 1_700_000_000;
const allInputs = (e: ReturnType<typeof checkout>) => [
  e.source,
  e.nested,
  e.inputs[1]!,
  ...e.inputs.slice(0, 1),
  join(e.inputs[0]!, 'engine'),
  join(e.inputs[0]!, 'engine/process'),
];

describe('engine entry', () => {
  it('uses the sources when there is no bundle', () => {
    const e = checkout();
    expect(chooseEngineEntry(e)).toBe(e.source);
  });

  it('uses the bundle when it is not older than any input, down to a nested file', () => {
    const e = checkout();
    writeFileSync(e.bundle, '// built\n');
    allInputs(e).forEach((p) => setTime(p, T));
    setTime(e.bundle, T + 10);
    expect(newestMtime(e.inputs)).toBe(T * 1000);
    expect(chooseEngineEntry(e)).toBe(e.bundle);
    setTime(e.bundle, T);
    expect(chooseEngineEntry(e)).toBe(e.bundle);
  });

  it('uses the sources as soon as any input is newer than the bundle', () => {
    const e = checkout();
    writeFileSync(e.bundle, '// built\n');
    allInputs(e).forEach((p) => setTime(p, T));
    setTime(e.bundle, T + 10);
    setTime(e.nested, T + 11);
    expect(chooseEngineEntry(e)).toBe(e.source);
    setTime(e.nested, T);
    setTime(e.inputs[1]!, T + 11);
    expect(chooseEngineEntry(e)).toBe(e.source);
  });

  it('uses the bundle where there are no sources (an installed app)', () => {
    const e = checkout();
    expect(chooseEngineEntry({ ...e, source: join(e.inputs[0]!, 'missing.ts') })).toBe(e.bundle);
  });

  it('in this checkout, picks the bundle only if nothing under core/ or the build config changed after it', () => {
    const entries = checkoutEngineEntries();
    const chosen = defaultEngineEntry();
    expect([entries.source, entries.bundle]).toContain(chosen);
    if (chosen === entries.bundle)
      expect(newestMtime(entries.inputs)).toBeLessThanOrEqual(newestMtime([entries.bundle]));
    else expect(chosen.endsWith('core/engine/process/entry.ts')).toBe(true);
  });
});

/**
 * The core modules the renderer may import at run time must stay pure: no imports but types, so the page
 * never pulls in zod, the store or the engine through them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const SHARED = ['core/api/channels.ts', 'core/api/wire.ts', 'core/api/errors.ts', 'core/figures/stats.ts', 'core/figures/labels.ts'];

describe('modules shared with the renderer', () => {
  it.each(SHARED)('%s imports nothing but types', (file) => {
    const imports = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^\s*(import|export)\s.*\sfrom\s/.test(l));
    expect(imports.filter((l) => !/^\s*(import|export) type\s/.test(l))).toEqual([]);
  });
});

/**
 * core/shared/ is the one folder of core the renderer imports at run time, so it must stay pure: every file
 * imports nothing but other core/shared modules and types, and touches no Node or DOM global.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const DIR = 'core/shared';
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(DIR, f));

/** Every import or re-export with a module specifier, joined onto one line. */
function importStatements(source: string): string[] {
  return [
    ...source.matchAll(/^\s*(import|export)\b[^;]*?\bfrom\s+['"][^'"]+['"]/gms),
    ...source.matchAll(/^\s*import\s+['"][^'"]+['"]/gm),
  ].map((m) => m[0].replace(/\s+/g, ' ').trim());
}

describe('core/shared', () => {
  it('holds the modules the screen and the paper share', () => {
    expect(FILES.map((f) => f.slice(DIR.length + 1)).sort()).toEqual(
      expect.arrayContaining([
        'channels.ts',
        'figure-size.ts',
        'format.ts',
        'labels.ts',
        'methods.ts',
        'palette.ts',
        'seeds.ts',
        'ticks.ts',
        'wire.ts',
      ]),
    );
  });

  it.each(FILES)('%s imports nothing but core/shared modules and types', (file) => {
    const bad = importStatements(readFileSync(file, 'utf8')).filter(
      (l) => !/^(import|export) type\b/.test(l) && !/from '\.\/[\w-]+'$/.test(l),
    );
    expect(bad).toEqual([]);
  });

  it.each(FILES)('%s uses no Node or DOM global', (file) => {
    // Words inside string literals are prose (lab-messages.ts says "the engine process"), not globals.
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
    expect(code.match(/\b(process|Buffer|require|__dirname|window|document|navigator|localStorage)\b/g) ?? []).toEqual(
      [],
    );
  });

  it('lint refuses a package, another layer or a Node global in core/shared, and lets the renderer import it', async () => {
    const eslint = new ESLint();
    const messages = async (filePath: string, code: string) =>
      ((await eslint.lintText(code, { filePath }))[0]?.messages ?? []).map((m) => m.ruleId);
    expect(await messages('core/shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(
      await messages(
        'core/shared/x.ts',
        "import { LAB_METHODS } from '../api/contract';\nexport const a = LAB_METHODS;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(await messages('core/shared/x.ts', 'export const a = process.env;\n')).toContain('no-restricted-globals');
    expect(
      await messages(
        'core/shared/x.ts',
        "import type { RunSummary } from '../api/records';\nimport { ema } from './seeds';\nexport const a = (r: RunSummary) => ema([r.stepsDone], 0);\n",
      ),
    ).toEqual([]);
    expect(
      await messages(
        'renderer/src/x.ts',
        "import { meanStd } from '../../core/shared/seeds';\nexport const a = meanStd;\n",
      ),
    ).toEqual([]);
    expect(
      await messages(
        'renderer/src/x.ts',
        "import { lossChart } from '../../core/figures/from-runs';\nexport const a = lossChart;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
  });
});

/** The layering of DESIGN.md is enforced by lint: these violations must fail it, these uses must pass. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layering lint', () => {
  it('core/ may not import electron', async () => {
    expect(await problems('core/lab/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it('core/ may not import main/, preload/ or renderer/', async () => {
    expect(
      await problems('core/lab/x.ts', "import { main } from '../../main/cli/index';\nexport const a = main;\n"),
    ).toHaveLength(1);
    expect(
      await problems(
        'core/lab/x.ts',
        "import { getLab } from '../../renderer/src/api/lab';\nexport const a = getLab;\n",
      ),
    ).toHaveLength(1);
  });

  it('the renderer imports only types from core/', async () => {
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { LAB_METHODS } from '../../core/api/contract';\nexport const a = LAB_METHODS;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'renderer/src/x.ts',
        "import type { LabApi } from '../../core/api/contract';\nexport type A = LabApi;\n",
      ),
    ).toHaveLength(0);
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { httpRoute } from '../../core/shared/channels';\nexport const a = httpRoute;\n",
      ),
    ).toHaveLength(0);
  });

  it('an npm package whose name ends in core is not our core/', async () => {
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { DndContext } from '@dnd-kit/core';\nexport const a = DndContext;\n",
      ),
    ).toHaveLength(0);
  });

  it('the renderer may not import electron or Node built-ins', async () => {
    expect(
      await problems('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"),
    ).toHaveLength(1);
    expect(
      await problems('renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"),
    ).toHaveLength(1);
  });

  it('preload/ imports core/api only', async () => {
    expect(
      await problems('preload/x.ts', "import { createLab } from '../core/lab/lab';\nexport const a = createLab;\n"),
    ).toHaveLength(1);
    expect(
      await problems('preload/x.ts', "import { ipcChannel } from '../core/api';\nexport const a = ipcChannel;\n"),
    ).toHaveLength(0);
  });

  it('inside core, a folder imports only the folders below it: shared → api → tasks → engine → store → interop → figures → lessons → replications → lab', async () => {
    const bad: [string, string][] = [
      ['core/figures/x.ts', '../lessons/fit'],
      ['core/figures/x.ts', '../lab/lab'],
      ['core/store/x.ts', '../figures'],
      ['core/store/x.ts', '../engine/protocol'],
      ['core/engine/metrics/x.ts', '../../store'],
      ['core/api/x.ts', '../tasks'],
      ['core/tasks/x.ts', '../engine/rng'],
      ['core/lessons/x.ts', '../lab/predictions'],
      ['core/lessons/x.ts', '../replications/y'],
      ['core/interop/x.ts', '../figures'],
    ];
    for (const [file, from] of bad) {
      const found = await problems(file, `import { a } from '${from}';\nexport const b = a;\n`);
      expect(found, `${file} importing ${from}`).toHaveLength(1);
      expect(found[0]).toMatch(/inside core the order is/);
    }
    // core/shared has the strictest rule of all: nothing but its own modules at run time.
    expect(await problems('core/shared/x.ts', "import { a } from '../api';\nexport const b = a;\n")).toEqual([
      expect.stringMatching(/core\/shared\/ imports only other core\/shared modules/),
    ]);
    // Type imports count too: a type is a dependency (the store took Checkpoint from the engine's protocol).
    expect(
      await problems(
        'core/store/x.ts',
        "import type { Checkpoint } from '../engine/protocol';\nexport type C = Checkpoint;\n",
      ),
    ).toHaveLength(1);
  });

  it('inside core, imports downward pass', async () => {
    const good: [string, string][] = [
      ['core/lab/x.ts', '../lessons/lesson-runner'],
      ['core/lab/x.ts', '../cluster/y'],
      ['core/replications/x.ts', '../lessons/fit'],
      ['core/lessons/x.ts', '../figures'],
      ['core/lessons/x.ts', '../engine/checkpoint'],
      ['core/figures/x.ts', '../engine/metrics/profile-fit'],
      ['core/figures/x.ts', '../interop/y'],
      ['core/store/x.ts', '../api/records'],
      ['core/engine/cells/x.ts', '../../tasks'],
      ['core/figures/charts/x.ts', '../labels'],
    ];
    for (const [file, from] of good)
      expect(
        await problems(file, `import { a } from '${from}';\nexport const b = a;\n`),
        `${file} importing ${from}`,
      ).toHaveLength(0);
  });
});

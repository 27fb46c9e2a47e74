/** `gradlab train --resume`: carries an interrupted run on to completion; refuses what cannot be resumed. */
import { ExperimentSpecSchema } from '../../../core/api';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabStore } from '../../../core/store';

const db = join(mkdtempSync(join(tmpdir(), 'gradlab-cli-resume-')), 'lab.db');
const gradlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRADLAB_DB: db },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gradlab train --resume', () => {
  it('trains a run its lab never started, then refuses to resume it again once completed', () => {
    const store = LabStore.open(db);
    const run = store.createRun({
      spec: ExperimentSpecSchema.parse({
        name: 'left in a queue',
        task: { kind: 'adding', seqLen: 6 },
        model: { hidden: 6 },
        train: { steps: 25, batch: 8 },
      }),
    });
    store.interruptQueued([run.id], 'The lab closed before this run started.');
    store.close();

    const r = gradlab('train', '--resume', run.id);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`run ${run.id} completed`);
    expect(r.out).toMatch(/steps 25 /);

    const again = gradlab('train', '--resume', run.id);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/is completed: only interrupted, stopped or failed runs can be resumed/);
  });

  it('takes a spec file or --resume, not both', () => {
    const r = gradlab('train', 'spec.json', '--resume', 'r1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('not both');
  });
});

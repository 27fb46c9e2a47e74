/** `gradlab figure --lang`: a stored run's figure in Chinese as PDF (read back with pdftotext), and a bad value refused. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-figlang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'lab.db');
const gradlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRADLAB_DB: db },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gradlab figure --lang', () => {
  let runId = '';

  it('trains a small run to plot', () => {
    const spec = {
      name: 'figlang',
      task: { kind: 'adding', seqLen: 5 },
      model: { cell: 'rnn', hidden: 4 },
      train: { steps: 20, batch: 4, evalEvery: 10, checkpointEvery: 10 },
      probe: { every: 10, batch: 4 },
    };
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const r = gradlab('train', join(dir, 'spec.json'));
    expect(r.code, r.err).toBe(0);
    runId = /^run (\S+) completed/m.exec(r.out)![1]!;
  });

  it('--lang zh-CN: the PDF speaks Chinese, in the embedded CJK font', () => {
    const out = join(dir, 'loss-zh.pdf');
    const r = gradlab('figure', '--runs', runId, '--chart', 'loss', '--lang', 'zh-CN', '--out', out);
    expect(r.code, r.err).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('训练步数');
    expect(text).toContain('损失');
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(/\+NotoSansSC-Regular\s.*yes\s+yes\s+yes/);
    const en = join(dir, 'loss-en.pdf');
    expect(gradlab('figure', '--runs', runId, '--chart', 'loss', '--lang', 'en', '--out', en).code).toBe(0);
    expect(execFileSync('pdftotext', [en, '-'], { encoding: 'utf8' })).toContain('training step');
  });

  it('a bad --lang is one clear line and exit 2, and writes nothing', () => {
    const out = join(dir, 'loss-fr.svg');
    const r = gradlab('figure', '--runs', runId, '--chart', 'loss', '--lang', 'fr', '--out', out);
    expect(r.code).toBe(2);
    const [first, ...rest] = r.err.trim().split('\n');
    expect(first).toBe('gradlab figure: --lang must be en or zh-CN, not "fr"');
    expect(rest.join('\n')).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });
});

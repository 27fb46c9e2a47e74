/** `gradlab lesson`: list, run one at the quick size with its figure, show it again, JSON, usage errors. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lesson } from '../../../core/api';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-lesson-'));
const db = join(dir, 'lab.db');
const gradlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRADLAB_DB: db },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gradlab lesson', () => {
  it('lists the eight lessons', () => {
    const r = gradlab('lesson');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(8);
    expect(r.out).toMatch(/^ 1 {2}Vanishing gradients +new$/m);
  });

  it('runs a lesson at the quick size, prints its verdict and numbers, and writes its figure', () => {
    const pdf = join(dir, 'l1.pdf');
    const r = gradlab('lesson', '1', '--reduced', '--figure', pdf);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Lesson 1: Vanishing gradients$/m);
    expect(r.out).toMatch(/verdict: SUPPORTED \(reduced size, [\d.]+ (s|min)/);
    expect(r.out).toMatch(/decay per step \(fitted\) +0\.\d+/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the last result without running, as text and JSON, and writes every figure', () => {
    const r = gradlab('lesson', '1', '--show', '--figure-all', join(dir, 'figs'), '--format', 'svg');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/verdict: SUPPORTED/);
    expect(readdirSync(join(dir, 'figs'))).toEqual(['lesson-1-profile.svg']);
    const j = gradlab('lesson', '1', '--show', '--json');
    const lesson = JSON.parse(j.out) as Lesson;
    expect(lesson.state).toBe('done');
    expect(lesson.result?.verdict).toBe('supported');
    // The same result in Chinese, from the same numbers.
    const zh = gradlab('lesson', '1', '--show', '--lang', 'zh-CN');
    expect(zh.code, zh.err).toBe(0);
    expect(zh.out).toMatch(/^第 1 课：梯度消失$/m);
    expect(zh.out).toMatch(/结论：支持（|结论：支持 \(/);
    expect(zh.out).toMatch(/每步衰减率（拟合） +0\.\d+/);
    // --show trained nothing: still the one run of the first call.
    expect((JSON.parse(gradlab('runs', 'list', '--json').out) as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it('exits 2 for a lesson that does not exist or a figure format it cannot write', () => {
    const r = gradlab('lesson', '9');
    expect(r.code).toBe(2);
    expect(r.err).toContain('from 1 to 8');
    expect(gradlab('lesson', '1', '--figure', join(dir, 'x.gif')).code).toBe(2);
    expect(existsSync(join(dir, 'x.gif'))).toBe(false);
    const bad = gradlab('lesson', '1', '--show', '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe("gradlab lesson: --lang must be en or zh-CN, got 'fr'");
  });
});

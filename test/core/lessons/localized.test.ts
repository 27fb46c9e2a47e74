/**
 * Every lesson and replication speaks English and Simplified Chinese: the prose core sends (titles, claims,
 * explanations, plans, published figures, set-up differences) is written in both, with the formulas intact and
 * the same numbers in each language.
 */
import { describe, expect, it } from 'vitest';
import { LocalizedSchema, REPLICATION_SCALES } from '../../../core/api';
import { LESSONS } from '../../../core/lessons/registry';
import { NO_CLUSTER } from '../../../core/lab/replication-handlers';
import { REPLICATIONS } from '../../../core/replications/registry';
import { VERDICT_WORDS } from '../../../core/replications/common';
import { expectBilingual, numbersOf } from './bilingual';

describe('lessons in both languages', () => {
  for (const l of LESSONS)
    it(`lesson ${l.id}: title, claim, explanation and plans`, () => {
      expectBilingual(l.title, `lesson ${l.id} title`);
      expectBilingual(l.claim, `lesson ${l.id} claim`);
      expectBilingual(l.explanation, `lesson ${l.id} explanation`);
      expect(l.explanation['zh-CN'].split('\n\n')).toHaveLength(l.explanation.en.split('\n\n').length);
      for (const scale of ['default', 'reduced'] as const) expectBilingual(l.plan(scale), `lesson ${l.id} ${scale}`);
    });

  it('lesson 3 quotes the tutorial’s loose wording and says what the measurement shows', () => {
    const l3 = LESSONS.find((l) => l.id === 3)!;
    expect(l3.explanation['zh-CN']).toContain('教程中说 sigmoid 的导数取值在 (0, 1) 之间');
    expect(l3.explanation['zh-CN']).toContain('1/4');
    expect(l3.explanation.en).toContain('The tutorial says the sigmoid’s derivative lies in (0, 1)');
  });
});

describe('replications in both languages', () => {
  for (const r of REPLICATIONS)
    it(`${r.id}: claim, published figures, plans and differences`, () => {
      expectBilingual(r.claim, `${r.id} claim`);
      for (const p of r.published) {
        expectBilingual(p.label, `${r.id} published label`);
        expectBilingual(p.text, `${r.id} published text`);
      }
      for (const scale of REPLICATION_SCALES) expectBilingual(r.plan(scale), `${r.id} ${scale}`);
      r.differences.forEach((d, i) => expectBilingual(d, `${r.id} difference ${i + 1}`));
    });

  it('the verdict words and the cluster reason', () => {
    for (const v of Object.values(VERDICT_WORDS)) expectBilingual(v, 'verdict');
    expectBilingual(NO_CLUSTER.reason, 'cluster reason');
  });
});

describe('LocalizedSchema', () => {
  it('asks for every language and names the missing one', () => {
    expect(LocalizedSchema.parse({ en: 'a', 'zh-CN': '甲' })).toEqual({ en: 'a', 'zh-CN': '甲' });
    const bad = LocalizedSchema.safeParse({ en: 'a' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['zh-CN']);
  });
  it('numbersOf reads grouped and decimal numbers', () => {
    expect(numbersOf('1,500 steps at 0.01, T = 100')).toEqual(['0.01', '100', '1500']);
  });
});

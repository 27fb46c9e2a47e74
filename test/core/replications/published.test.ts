/**
 * The published figures of the replication records (issue 16): each says where in the paper it comes from,
 * a number is shown only when its words were read, and the baselines the lab computes equal their formulas.
 */
import { describe, expect, it } from 'vitest';
import { ADDING_MEAN_MSE, ADDING_ONE_NUMBER_MSE } from '../../../core/lessons/presets';
import { REPLICATIONS } from '../../../core/replications/registry';
import { copyBaseline } from '../../../core/tasks/copy';

/** A table, figure, section or equation of the paper. */
const PLACE = /\b(Table \d+|Figure \d+|Section \d+(\.\d+)*|[Ss]ection|[Ee]quation \d+)\b/;
/** A page, a value read off a plot, or why the page is not known. */
const PAGE = /\bpp?\. \d+|\bpages? \d+|read off (the )?plot|page not known here: \S/;

const all = REPLICATIONS.flatMap((r) => r.published.map((p) => ({ id: r.id, ...p })));
const record = (id: string) => REPLICATIONS.find((r) => r.id === id)!;

describe('published figures', () => {
  it.each(all.map((p) => [`${p.id}: ${p.label.en}`, p] as const))('%s names its place in the paper', (_, p) => {
    expect(p.source, p.source).toMatch(PLACE);
    if (p.provenance === 'not-found') {
      // Nothing read, nothing shown; the source says so and what was searched.
      expect(p.value).toBeNull();
      expect(p.source).toMatch(/not found/);
      expect(p.source.length).toBeGreaterThan(80);
    } else {
      expect(p.source, p.source).toMatch(PAGE);
    }
    if (p.provenance === 'second-hand') expect(p.source).toMatch(/^Second-hand|Second-hand:/);
    expect(p.label['zh-CN'].length).toBeGreaterThan(0);
    expect(p.text['zh-CN'].length).toBeGreaterThan(0);
  });

  it('a quoted number appears in the quoted words, in both languages', () => {
    for (const p of all.filter((x) => x.value !== null && x.provenance !== 'computed')) {
      const shown = p.value!.toLocaleString('en-US');
      expect(p.text.en, `${p.id}: ${p.label.en}`).toContain(shown);
      expect(p.text['zh-CN'], `${p.id}: ${p.label.en}`).toContain(shown);
    }
  });

  it('Hochreiter & Schmidhuber 1997: Table 7 at T = 100 — 74,000 sequences, minimal lag 50, 93 weights, tolerance 0.04', () => {
    const values = record('hochreiter-1997-adding').published.map((p) => p.value);
    expect(values).toEqual([0.04, 74_000, 50, 93]);
    expect(record('hochreiter-1997-adding').published.every((p) => p.provenance === 'quoted')).toBe(true);
    expect(record('hochreiter-1997-adding').published[1]!.source).toMatch(/Table 7/);
  });

  it('Pascanu et al. 2013: the vanishing bound 1/γ is 1 for tanh and 4 for the sigmoid', () => {
    const [tanh, sigmoid] = record('pascanu-2013-conditions').published;
    expect(tanh!.value).toBe(1);
    expect(sigmoid!.value).toBe(4);
    expect(tanh!.source).toMatch(/Section 2\.1/);
  });
});

describe('computed baselines equal their formulas', () => {
  it('Arjovsky et al. 2016: the memoryless copy baseline is 10·ln 8 / (T + 20)', () => {
    const [baseline] = record('arjovsky-2016-copy').published;
    expect(baseline!.provenance).toBe('computed');
    expect(baseline!.value).toBeCloseTo((10 * Math.log(8)) / 120, 12);
    for (const T of [5, 100, 200, 300, 500])
      expect(copyBaseline(T, 8, 10)).toBeCloseTo((10 * Math.log(8)) / (T + 20), 12);
  });

  it('Le et al. 2015: the lab’s predict-1 baseline is Var(X₁ + X₂) = 2 · 1/12 for X ~ U[0, 1], not the unread 0.1767', () => {
    expect(ADDING_ONE_NUMBER_MSE).toBeCloseTo(1 / 12, 15);
    expect(ADDING_MEAN_MSE).toBeCloseTo(2 * ADDING_ONE_NUMBER_MSE, 15);
    const [baseline] = record('le-2015-irnn').published;
    // Not read in the paper, so no number is shown for it.
    expect(baseline!.value).toBeNull();
    expect(baseline!.text.en).toContain('1/6');
  });
});

describe('claims follow the paper, not the issue', () => {
  it('Arjovsky et al. 2016: at T = 100 the LSTM leaves the baseline very slowly (Figure 1), the tanh RNN sits at it', () => {
    const r = record('arjovsky-2016-copy');
    expect(r.claim.en).toMatch(/LSTM stays on the baseline for a while and then starts to improve very slowly/);
    expect(r.claim.en).not.toMatch(/LSTM and the tanh RNN do not beat/);
    expect(r.published[1]!.source).toMatch(/Figure 1/);
  });
});

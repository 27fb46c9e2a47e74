import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  chartFromRuns,
  clipThresholdOf,
  ema,
  FigureSettingsSchema,
  figureSize,
  formatNumber,
  lossChart,
  meanStd,
  profileChart,
  renderSvg,
} from '../../../core/figures';
import { buildScale } from '../../../core/figures/scales';
import { seriesStyle, OKABE_ITO } from '../../../core/shared/palette';
import { lossCurve, profiles, runSummary, series } from '../../fixtures/figures/runs';

describe('ema', () => {
  it('is the identity at 0 and keeps constants constant (bias-corrected)', () => {
    expect(ema([1, 2, 3], 0)).toEqual([1, 2, 3]);
    for (const v of ema([5, 5, 5, 5], 0.9)) expect(v).toBeCloseTo(5, 12);
  });

  it('passes NaN/Inf through without poisoning later values', () => {
    const out = ema([1, NaN, 1, Infinity, 1], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[3]).toBe(Infinity);
    expect(out[4]).toBeCloseTo(1, 12);
  });

  it('smooths', () => {
    const out = ema([0, 10], 0.5);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo((0.5 * 0.5 * 0 + 0.5 * 10) / 0.75, 12);
  });
});

describe('meanStd', () => {
  it('aligns members on x, skips non-finite values, uses the sample std', () => {
    const m = meanStd([
      { x: [0, 1, 2], y: [1, 2, NaN] },
      { x: [0, 1, 2, 3], y: [3, 4, 5, NaN] },
    ]);
    expect(m.x).toEqual([0, 1, 2, 3]);
    expect(m.mean.slice(0, 3)).toEqual([2, 3, 5]);
    expect(m.std[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(m.std[2]).toBe(0);
    expect(m.n).toEqual([2, 2, 1, 0]);
    expect(m.mean[3]).toBeNaN();
  });
});

describe('adapters', () => {
  it('loss: train and held-out per run share the colour, differ in dash; legend aliases by run id only for one metric', () => {
    const c = lossCurve(10, 10, 0);
    const data = lossChart([
      {
        run: runSummary('a', 'A'),
        series: [series('loss', c.step, c.value), series('heldoutLoss', [0, 50], [0.3, 0.2])],
      },
      { run: runSummary('b', 'B'), series: [series('loss', c.step, c.value)] },
    ]);
    expect(data.series.map((s) => [s.id, s.label, s.colorIndex, s.dashIndex])).toEqual([
      ['a:loss', 'A, train', 0, 0],
      ['a:heldoutLoss', 'A, held-out', 0, 1],
      ['b:loss', 'B, train', 1, 0],
    ]);
    expect(data.series[0]?.alias).toBeUndefined();
    const single = lossChart([{ run: runSummary('a', 'A'), series: [series('loss', [0], [1])] }], { baseline: 1 / 6 });
    expect(single.series[0]?.alias).toBe('a');
    expect(single.hLines).toEqual([{ y: 1 / 6, label: 'baseline 0.1667' }]);
    expect(single.title).toBe('Training loss');
  });

  it('loss: seeds pooled with a min–max band or ± std; wall-time x in seconds, markers at their step’s wall time', () => {
    const seed = (id: string, ys: number[], wall: number[], extra = {}) => ({
      run: runSummary(id, `seed ${id}`, { specHash: 'h', ...extra }),
      series: [{ ...series('loss', [1, 2, 3], ys), wallMs: wall }],
    });
    const runs = [
      seed('a', [1, 2, 3], [1000, 2000, 3000]),
      seed('b', [3, 4, 9], [3000, 4000, 5000], { divergence: { step: 2, tensor: 'loss' } }),
    ];
    const std = lossChart(runs, { groupSeeds: true });
    expect(std.series[0]!.band!.lo[0]).toBeCloseTo(2 - Math.SQRT2, 12);
    const mm = lossChart(runs, { groupSeeds: true, band: 'minmax' });
    expect(mm.series[0]!.band).toEqual({ lo: [1, 2, 3], hi: [3, 4, 9] });
    expect(mm.series[0]!.x).toEqual([1, 2, 3]);
    const wall = lossChart(runs, { groupSeeds: true, band: 'minmax', xAxis: 'wall' });
    expect(wall.series[0]!.x).toEqual([2, 3, 4]);
    expect(wall.xLabel).toBe('wall time (s)');
    expect(wall.integerX).toBe(false);
    const one = lossChart([runs[1]!], { xAxis: 'wall' });
    expect(one.series[0]!.x).toEqual([3, 4, 5]);
    expect(one.divergences?.map((d) => d.x)).toEqual([4]);
    // The settings record carries both choices from the window and the CLI.
    expect(FigureSettingsSchema.parse({ band: 'minmax', xAxis: 'wall' })).toMatchObject({
      band: 'minmax',
      xAxis: 'wall',
    });
    expect(FigureSettingsSchema.safeParse({ xAxis: 'time' }).success).toBe(false);
  });

  it('loss: smoothing applies to the plotted values', () => {
    const data = lossChart([{ run: runSummary('a', 'A'), series: [series('loss', [0, 1], [0, 10])] }], {
      smoothing: 0.5,
    });
    expect(data.series[0]?.y[1]).toBeCloseTo((10 / 0.75) * 0.5, 12);
  });

  it('profile: nearest probe step, chosen layer, bound computed in log space without overflow', () => {
    const ps = profiles(400, [0, 100, 200], () => 0.9, 10);
    const data = profileChart([{ run: runSummary('p', 'P'), profiles: ps }], { step: 140 });
    expect(data.title).toBe('Gradient norm through time at step 100');
    const main = data.series[0];
    const bound = data.series[1];
    expect(main?.x[0]).toBe(1);
    expect(main?.x[399]).toBe(400);
    expect(bound?.reference).toBe(true);
    expect(bound?.y[399]).toBeCloseTo(1e-2, 12);
    expect(bound?.y[398]).toBeCloseTo(1e-1, 10);
    // 1e-2 · 10^399 overflows a double: a gap (Infinity), never a wrapped or NaN value.
    expect(bound?.y[0]).toBe(Infinity);
    expect(profileChart([{ run: runSummary('p', 'P'), profiles: ps }], { bound: false }).series).toHaveLength(1);
    expect(profileChart([{ run: runSummary('p', 'P'), profiles: ps }], { layer: 3 }).series).toHaveLength(0);
  });

  it('gradnorm: the clip threshold is read from the run clip description', () => {
    expect(clipThresholdOf(runSummary('a', 'a', { clip: 'norm 5' }))).toBe(5);
    expect(clipThresholdOf(runSummary('a', 'a', { clip: 'norm:0.25' }))).toBe(0.25);
    expect(clipThresholdOf(runSummary('a', 'a', { clip: 'norm(threshold=1e3)' }))).toBe(1000);
    expect(clipThresholdOf(runSummary('a', 'a', { clip: 'none' }))).toBeUndefined();
    expect(clipThresholdOf(runSummary('a', 'a', { clip: 'value 5' }))).toBeUndefined();
  });

  it('chartFromRuns reads chart options from the settings record', () => {
    const ps = profiles(10, [0, 100], () => 0.5);
    const data = chartFromRuns('profile', [{ run: runSummary('p', 'P'), profiles: ps }], { probeStep: 0 });
    expect(data.title).toBe('Gradient norm through time at step 0');
    const loss = chartFromRuns('loss', [{ run: runSummary('p', 'P'), series: [series('loss', [0], [1])] }], {
      baseline: 0.5,
      metrics: ['loss'],
    });
    expect(loss.type === 'line' && loss.hLines?.[0]?.y).toBe(0.5);
  });
});

describe('settings', () => {
  it('defaults to a single-column 3.5 × 2.625 in figure, 8 pt, 300 dpi', () => {
    const s = FigureSettingsSchema.parse({});
    expect(figureSize(s)).toEqual({ widthIn: 3.5, heightIn: 2.625, widthPt: 252, heightPt: 189 });
    expect([s.fontSize, s.dpi, s.fontFamily, s.palette, s.legend]).toEqual([8, 300, 'Arimo', 'okabe-ito', 'auto']);
  });

  it('rejects font names that could break the SVG and out-of-range values', () => {
    expect(FigureSettingsSchema.safeParse({ fontFamily: "Times'; }" }).success).toBe(false);
    expect(FigureSettingsSchema.safeParse({ dpi: 5 }).success).toBe(false);
    expect(FigureSettingsSchema.safeParse({ fileName: '../x' }).success).toBe(false);
    expect(FigureSettingsSchema.parse({ fontFamily: 'Times New Roman' }).fontFamily).toBe('Times New Roman');
  });

  it('palette: Okabe–Ito, black first; dashes differ per series and scale with the line width', () => {
    const s = FigureSettingsSchema.parse({ lineWidth: 2 });
    expect(OKABE_ITO).toHaveLength(8);
    expect(seriesStyle(s, 0)).toEqual({ color: '#000000', dasharray: undefined });
    expect(seriesStyle(s, 1)).toEqual({ color: '#0072B2', dasharray: '8 4' });
    expect(seriesStyle({ ...s, dashes: false }, 1).dasharray).toBeUndefined();
    expect(seriesStyle({ ...s, palette: 'greyscale' }, 1).color).toBe('#555555');
  });

  it('formatNumber is short and locale-free', () => {
    expect(formatNumber(1 / 6)).toBe('0.1667');
    expect(formatNumber(1e-5)).toBe('1e−5');
    expect(formatNumber(2.5e7)).toBe('2.5e7');
    expect(formatNumber(5)).toBe('5');
  });
});

describe('scales', () => {
  it('log axis: whole decades, labelled powers of ten thinned to the space available', () => {
    const a = buildScale({ log: true, extent: [3e-31, 2e29], range: [100, 0], maxTicks: 6 });
    expect(a.domain[0]).toBeCloseTo(1e-31, 40);
    expect(a.domain[1]).toBeCloseTo(1e30, -15);
    const labelled = a.ticks.filter((t) => t.label);
    expect(labelled.length).toBeLessThanOrEqual(6);
    // 61 decades in room for 6 labels: every 20th decade (every 10th would need 7).
    expect(labelled.map((t) => `${t.label?.text}^${t.label?.sup}`)).toEqual(['10^−20', '10^0', '10^20']);
    // Unlabelled decades get minor ticks while they are at least 3 pt apart, not when they would merge.
    expect(a.ticks.length).toBe(3);
    expect(buildScale({ log: true, extent: [3e-31, 2e29], range: [300, 0], maxTicks: 6 }).ticks.length).toBe(62);
    for (const t of a.ticks) expect(Number.isFinite(a.scale(t.value))).toBe(true);
  });

  it('linear axis: never more labels than the space allows, no thousands commas', () => {
    const a = buildScale({ log: false, extent: [0, 0.243], range: [0, 150], maxTicks: 6 });
    expect(a.ticks.length).toBeLessThanOrEqual(6);
    const b = buildScale({ log: false, extent: [0, 1000], range: [0, 200], maxTicks: 6, integer: true });
    expect(b.ticks.map((t) => t.label?.text)).toContain('1000');
    const c = buildScale({ log: false, extent: [0, 50000], range: [0, 200], maxTicks: 6 });
    expect(c.ticks.map((t) => t.label?.text)).toContain('50k');
    const huge = buildScale({ log: false, extent: [0, 1e30], range: [0, 200], maxTicks: 6 });
    expect(huge.ticks.map((t) => `${t.label?.text}${t.label?.sup ? `^${t.label.sup}` : ''}`)).toEqual([
      '0',
      '2×10^29',
      '4×10^29',
      '6×10^29',
      '8×10^29',
      '1×10^30',
    ]);
    const small = buildScale({ log: false, extent: [0, 0.002], range: [0, 200], maxTicks: 6 });
    expect(small.ticks.map((t) => `${t.label?.text}${t.label?.sup ? `^${t.label.sup}` : ''}`)).toEqual([
      '0',
      '5×10^−4',
      '1×10^−3',
      '1.5×10^−3',
      '2×10^−3',
    ]);
  });
});

describe('golden figure', () => {
  // Guards cross-machine determinism (the UI and the CLI must write the same bytes). After an intended
  // change to the renderer, regenerate with UPDATE_FIGURE_GOLDEN=1 and review the new file.
  it('the reference loss figure matches test/fixtures/figures/loss.golden.svg', () => {
    const a = lossCurve(40, 25, 0);
    const b = lossCurve(40, 25, 1);
    const data = lossChart(
      [
        { run: runSummary('a', 'vanilla tanh'), series: [series('loss', a.step, a.value)] },
        {
          run: runSummary('b', 'LSTM', { divergence: { step: 800, tensor: 'loss' } }),
          series: [
            series(
              'loss',
              b.step,
              b.value.map((v, i) => (i > 32 ? NaN : v)),
            ),
          ],
        },
      ],
      { baseline: 0.1667 },
    );
    const svg = renderSvg(data, { title: 'Adding problem' });
    const path = fileURLToPath(new URL('../../fixtures/figures/loss.golden.svg', import.meta.url));
    if (process.env.UPDATE_FIGURE_GOLDEN === '1') writeFileSync(path, svg);
    expect(svg).toBe(readFileSync(path, 'utf8'));
  });
});

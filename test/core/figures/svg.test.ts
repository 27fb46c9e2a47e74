import { describe, expect, it } from 'vitest';
import {
  renderSvg,
  lossChart,
  profileChart,
  heatmapChart,
  gradnormChart,
  horizonChart,
  parseFigureSettings,
  type LineChartData,
} from '../../../core/figures';
import { esc, num } from '../../../core/figures/svg';
import { levelColor } from '../../../core/figures/charts/heatmap';
import { attributeNumbers, elements, parseSvg, texts } from './helpers';
import { lossCurve, profiles, runSummary, series } from '../../fixtures/figures/runs';

function lossRuns() {
  const a = lossCurve(60, 10, 0);
  const b = lossCurve(60, 10, 1);
  return [
    { run: runSummary('r1', 'tanh orthogonal'), series: [series('loss', a.step, a.value)] },
    { run: runSummary('r2', 'LSTM'), series: [series('loss', b.step, b.value)] },
  ];
}

describe('SVG document', () => {
  it('is well-formed, standalone XML with physical size, viewBox in points and a <title>', () => {
    const svg = renderSvg(lossChart(lossRuns()), {});
    const doc = parseSvg(svg);
    const root = doc.documentElement as NonNullable<typeof doc.documentElement>;
    expect(root.nodeName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe('3.5in');
    expect(root.getAttribute('height')).toBe('2.625in');
    expect(root.getAttribute('viewBox')).toBe('0 0 252 189');
    expect(root.getAttribute('font-family')).toBe(
      "Arimo, Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
    );
    expect(elements(doc, 'title')[0]?.textContent).toBe('Training loss');
    // No external references of any kind.
    expect(svg).not.toMatch(/href=|url\(|<image|<style|@import/);
  });

  it('holds the title, axis labels, tick labels and legend names as real text', () => {
    const data = lossChart(lossRuns());
    const doc = parseSvg(
      renderSvg(data, {
        title: 'Adding problem, T = 100',
        xLabel: 'step',
        yLabel: 'MSE',
        legendNames: { r2: 'LSTM (ours)' },
      }),
    );
    const t = texts(doc);
    expect(t).toContain('Adding problem, T = 100');
    expect(t).toContain('step');
    expect(t).toContain('MSE');
    expect(t).toContain('tanh orthogonal');
    expect(t).toContain('LSTM (ours)');
    expect(t).not.toContain('LSTM');
    expect(t.some((s) => /^0\.\d+$/.test(s))).toBe(true);
  });

  it('uses the chart defaults for labels and drops an element set to the empty string', () => {
    const doc = parseSvg(
      renderSvg(profileChart([{ run: runSummary('p', 'run p'), profiles: profiles(50, [100], () => 0.8) }]), {
        title: '',
      }),
    );
    const t = texts(doc);
    expect(t).toContain('time step t');
    expect(t).toContain('‖∂L/∂hₜ‖');
    expect(elements(doc, 'text').some((e) => e.getAttribute('class') === 'title')).toBe(false);
  });

  it('is byte-identical for the same input, across settings objects and chart kinds', () => {
    const mk = () => [
      renderSvg(lossChart(lossRuns(), { baseline: 0.1667 }), { size: 'double', legend: 'auto' }),
      renderSvg(
        profileChart([{ run: runSummary('p', 'p'), profiles: profiles(40, [0, 100], () => 0.7, 0.9) }]),
        parseFigureSettings({}),
      ),
      renderSvg(
        heatmapChart([{ run: runSummary('h', 'h'), profiles: profiles(30, [0, 10, 20], (s) => 0.6 + s / 100) }]),
        {},
      ),
    ];
    expect(mk()).toEqual(mk());
  });

  it('escapes markup in labels and legend names', () => {
    const data = lossChart([{ run: runSummary('x', 'a<b & "c"'), series: [series('loss', [0, 1], [1, 0.5])] }]);
    const svg = renderSvg(data, { title: '<script>alert(1)</script>', legendNames: {} });
    const doc = parseSvg(svg);
    expect(svg).not.toContain('<script>');
    expect(texts(doc)).toContain('<script>alert(1)</script>');
    expect(texts(doc)).toContain('a<b & "c"');
  });

  it('writes width/height from the size presets and custom sizes', () => {
    const data = lossChart(lossRuns());
    const size = (s: object) => {
      const root = parseSvg(renderSvg(data, s)).documentElement;
      return [root?.getAttribute('width'), root?.getAttribute('height'), root?.getAttribute('viewBox')];
    };
    expect(size({ size: 'double' })).toEqual(['7in', '3in', '0 0 504 216']);
    expect(size({ size: 'custom', widthIn: 5, heightIn: 2 })).toEqual(['5in', '2in', '0 0 360 144']);
    expect(size({ size: 'custom', widthIn: 4, aspect: 0.5 })).toEqual(['4in', '2in', '0 0 288 144']);
  });
});

describe('non-finite and extreme values', () => {
  const extreme = (logY: boolean, y: number[]): LineChartData => ({
    type: 'line',
    title: 't',
    xLabel: 'x',
    yLabel: 'y',
    logY,
    series: [{ id: 's', label: 's', x: y.map((_, i) => i), y }],
  });

  it('log axis from 1e-30 to 1e30 gives finite coordinates and power-of-ten labels', () => {
    const y = Array.from({ length: 61 }, (_, i) => 10 ** (i - 30));
    const svg = renderSvg(extreme(true, y), {});
    const doc = parseSvg(svg);
    for (const n of attributeNumbers(doc)) {
      expect(Number.isFinite(Number(n)), n).toBe(true);
      expect(n).not.toMatch(/e/i);
    }
    const tspans = elements(doc, 'tspan').map((e) => e.textContent);
    expect(tspans).toContain('−30');
    expect(tspans).toContain('30');
    expect(texts(doc).filter((s) => s.startsWith('10')).length).toBeGreaterThanOrEqual(3);
  });

  it('values of 1e-300 and 1e300 on a linear axis never reach the file as huge numbers', () => {
    const svg = renderSvg(extreme(false, [1, 2, 1e300, 3, -1e300, 2]), { yMin: 0, yMax: 4 });
    for (const n of attributeNumbers(parseSvg(svg))) expect(Math.abs(Number(n))).toBeLessThan(1e4);
  });

  it('NaN and ±Inf become gaps, never "NaN"/"Infinity" attributes', () => {
    const y = [1, 0.5, NaN, 0.3, 0.2, Infinity, 0.1, -Infinity, 0.05, 0.04, 0, 0.03];
    for (const logY of [true, false]) {
      const svg = renderSvg(extreme(logY, y), {});
      expect(svg).not.toMatch(/NaN|Infinity/);
      const path = elements(parseSvg(svg), 'path').find(
        (p) =>
          p.getAttribute('stroke') === '#000000' &&
          p.getAttribute('fill') === 'none' &&
          /L/.test(p.getAttribute('d') ?? '') &&
          !(p.getAttribute('d') ?? '').includes('h'),
      );
      const moves = (path?.getAttribute('d') ?? '').match(/M/g)?.length ?? 0;
      // Runs: [1, .5] [.3, .2] [.1] [.05, .04] and for linear also 0 joins [.05 .04 0 .03] — at least 3 pieces.
      expect(moves).toBeGreaterThanOrEqual(3);
    }
  });

  it('a series with no finite values renders an empty plot with a note instead of failing', () => {
    const svg = renderSvg(extreme(true, [NaN, Infinity, 0, -1]), {});
    expect(texts(parseSvg(svg))).toContain('no data');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('marks a divergence with a labelled line', () => {
    const c = lossCurve(40, 10, 0);
    const value = c.value.map((v, i) => (i >= 30 ? NaN : v));
    const data = lossChart([
      {
        run: runSummary('d', 'relu', { divergence: { step: 300, tensor: 'loss' } }),
        series: [series('loss', c.step, value)],
      },
    ]);
    const svg = renderSvg(data, {});
    expect(texts(parseSvg(svg))).toContain('diverged at step 300');
    expect(svg).not.toContain('NaN');
  });
});

describe('chart kinds', () => {
  it('profile: log y axis, theory bound as a reference curve in the legend', () => {
    const data = profileChart([{ run: runSummary('p', 'tanh'), profiles: profiles(100, [0, 500], () => 0.8, 0.9) }], {
      step: 400,
    });
    expect(data.logY).toBe(true);
    expect(data.title).toBe('Gradient norm through time at step 500');
    const doc = parseSvg(renderSvg(data, {}));
    expect(texts(doc).some((t) => t.startsWith('bound (γσₘₐₓ = 0.9)'))).toBe(true);
  });

  it('gradnorm: threshold line from the clip setting, clip events as markers', () => {
    const steps = [0, 1, 2, 3, 4, 5];
    const g = [0.5, 2, 6, 7, 1, 8];
    const data = gradnormChart([
      {
        run: runSummary('g', 'relu', { clip: 'norm 5' }),
        series: [
          series('gradNorm', steps, g),
          series(
            'clipped',
            steps,
            g.map((v) => (v > 5 ? 1 : 0)),
          ),
        ],
      },
    ]);
    expect(data.hLines).toEqual([{ y: 5, label: 'clip threshold 5' }]);
    const doc = parseSvg(renderSvg(data, {}));
    expect(texts(doc)).toEqual(expect.arrayContaining(['clip threshold 5', 'clipped']));
    const events = elements(doc, 'path').find((p) => p.getAttribute('class') === 'events');
    expect((events?.getAttribute('d') ?? '').match(/M/g)?.length).toBe(3);
  });

  it('horizon: from the horizon series, or from profiles when there is none', () => {
    const fromProfiles = horizonChart([
      { run: runSummary('h', 'h'), profiles: profiles(20, [0, 100, 200], () => 0.8) },
    ]);
    expect(fromProfiles.series[0]?.y).toEqual([10, 12, 14]);
    const fromSeries = horizonChart([{ run: runSummary('h', 'h'), series: [series('horizon', [0, 5], [3, 4])] }]);
    expect(fromSeries.series[0]?.y).toEqual([3, 4]);
    parseSvg(renderSvg(fromSeries, {}));
  });

  it('heatmap: viridis cells, colour bar, missing cells in grey with a caption', () => {
    const ps = profiles(20, [0, 10, 20, 30], (s) => 0.6 + s / 100);
    (ps[1]?.layers[0]?.hNorms as number[])[3] = NaN;
    (ps[2]?.layers[0]?.hNorms as number[])[4] = 0;
    const data = heatmapChart([{ run: runSummary('h', 'tanh'), profiles: ps }]);
    expect(data.values[0]?.[19]).toBeCloseTo(-2, 12);
    const svg = renderSvg(data, {});
    expect(svg).not.toMatch(/NaN|Infinity/);
    const doc = parseSvg(svg);
    const t = texts(doc);
    expect(t).toContain('log₁₀ ‖∂L/∂hₜ‖');
    expect(t).toContain('n/a');
    const fills = new Set(elements(doc, 'path').map((p) => p.getAttribute('fill')));
    expect(fills.has('#D9D9D9')).toBe(true);
    const viridis = new Set(Array.from({ length: 256 }, (_, k) => levelColor(k)));
    const cellFills = [...fills].filter((f) => f && f !== '#D9D9D9' && f !== 'none');
    expect(cellFills.length).toBeGreaterThan(10);
    for (const f of cellFills) expect(viridis.has(f as string), f as string).toBe(true);
    expect(levelColor(0)).toBe('#440154');
    expect(levelColor(255)).toBe('#FDE725');
  });
});

describe('number formatting', () => {
  it('is fixed-precision with no exponent and no negative zero', () => {
    expect(num(1 / 3)).toBe('0.33');
    expect(num(-0.0001)).toBe('0');
    expect(num(12345678.9)).toBe('12345678.9');
    expect(num(2)).toBe('2');
    expect(() => num(NaN)).toThrow();
  });

  it('escapes XML specials and drops characters XML forbids', () => {
    expect(esc(`a<b>&"'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });
});

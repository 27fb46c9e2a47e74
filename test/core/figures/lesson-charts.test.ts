/** The chart kinds lessons 7 and 8 added: `sweep` (a measure per run against another) and `predictions`. */
import { describe, expect, it } from 'vitest';
import type { GradientProfile } from '../../../core/api/records';
import {
  chartFromRuns,
  renderCsv,
  renderSvg,
  type FigureSettingsInput,
  type LineChartData,
} from '../../../core/figures';
import { runSummary, series } from '../../fixtures/figures/runs';
import { elements, parseSvg, texts } from './helpers';

/** A profile whose gradient changes by `rate` per step back, with Wh of spectral radius `rho`. */
function profile(rho: number, rate: number, T = 20, step = 0): GradientProfile {
  const hNorms = Array.from({ length: T }, (_, i) => rate ** (T - 1 - i));
  const horizon = hNorms.reduce((k, v, i) => (v >= 1e-3 ? Math.max(k, T - 1 - i) : k), 0);
  return { step, layers: [{ layer: 0, hNorms, horizon, spectralRadius: rho, sigmaMax: rho, jacobianBound: rho }] };
}

const sweepRuns = [
  { rho: 2, rate: 2 },
  { rho: 0.5, rate: 0.5 },
  { rho: 1, rate: 1 },
].map((p, i) => ({
  run: runSummary(`s${i}`, `tanh radius=${p.rho}`, { sweepId: 'sw1' }),
  profiles: [profile(p.rho, p.rate), profile(p.rho, 0.1, 20, 50)],
}));
const named = { run: runSummary('x', 'Xavier uniform'), profiles: [profile(1.02, 0.9)] };

describe('sweep chart', () => {
  it('draws each sweep as a curve sorted by x, one per measure, and other runs as markers', () => {
    const d = chartFromRuns('sweep', [...sweepRuns, named], {
      sweepX: 'spectralRadius',
      sweepY: ['twoSidedHorizon', 'horizon'],
      probeStep: 0,
    }) as LineChartData;
    const two = d.series.find((s) => s.id === 'sweep:sw1:twoSidedHorizon')!;
    expect(two.x).toEqual([0.5, 1, 2]);
    // 0.5^k ≥ 1e-3 up to k = 9; flat: all 19 steps; 2^k ≤ 1e3 up to k = 9.
    expect(two.y).toEqual([9, 19, 9]);
    expect(two.markers).toBe(true);
    const lab = d.series.find((s) => s.id === 'sweep:sw1:horizon')!;
    expect(lab.y).toEqual([9, 19, 19]);
    const x = d.series.find((s) => s.alias === 'x')!;
    expect(x).toMatchObject({ x: [1.02], noLine: true, label: 'Xavier uniform' });
    expect(d.yLabel).toBe('horizon (time steps)');
    expect(d.xLabel).toMatch(/spectral radius/);
  });

  it('measures the probe step asked for (nearest recorded), else the latest', () => {
    const at0 = chartFromRuns('sweep', sweepRuns, { sweepY: ['decayRate'], probeStep: 0 }) as LineChartData;
    expect(at0.series[0]!.y.map((v) => Number(v.toFixed(6)))).toEqual([0.5, 1, 2]);
    const latest = chartFromRuns('sweep', sweepRuns, { sweepY: ['decayRate'] }) as LineChartData;
    expect(latest.series[0]!.y.every((v) => Math.abs(v - 0.1) < 1e-9)).toBe(true);
  });

  it('renders markers and a legend; the CSV has one row per x', () => {
    const settings: FigureSettingsInput = { sweepY: ['twoSidedHorizon'], probeStep: 0, legendNames: { x: 'Xavier' } };
    const svg = renderSvg(chartFromRuns('sweep', [...sweepRuns, named], settings), settings);
    const doc = parseSvg(svg);
    expect(elements(doc, 'path').filter((p) => p.getAttribute('class') === 'markers').length).toBe(2);
    expect(texts(doc)).toContain('Xavier');
    expect(svg).toBe(renderSvg(chartFromRuns('sweep', [...sweepRuns, named], settings), settings));
    const csv = renderCsv(chartFromRuns('sweep', [...sweepRuns, named], settings), settings)
      .trim()
      .split('\n');
    expect(csv[0]).toMatch(/^x,/);
    expect(csv).toHaveLength(5);
  });
});

describe('predictions chart', () => {
  const idx = [0, 1, 2, 3];
  const trained = {
    run: runSummary('t', 'trained'),
    series: [series('target', idx, [0.2, 0.8, 1.1, 1.7]), series('predicted', idx, [0.25, 0.75, 1.2, 1.6])],
  };
  const broken = {
    run: runSummary('d', 'diverged', { status: 'diverged' }),
    series: [series('target', idx, [0.2, 0.8, 1.1, 1.7]), series('predicted', idx, [NaN, NaN, Infinity, NaN])],
  };

  it('scatters predicted against target, with the identity for reference, and counts NaN/∞ outputs', () => {
    const d = chartFromRuns('predictions', [trained, broken]) as LineChartData;
    const [a, b, ref] = d.series;
    expect(a).toMatchObject({ x: [0.2, 0.8, 1.1, 1.7], y: [0.25, 0.75, 1.2, 1.6], noLine: true, label: 'trained' });
    expect(b!.label).toBe('diverged (all 4 outputs NaN/∞)');
    expect(ref).toMatchObject({ reference: true, x: [0.2, 1.7], y: [0.2, 1.7] });
    expect(d.xLabel).toBe('target');
  });

  it('renders the finite points as markers and keeps the broken run in the legend', () => {
    const doc = parseSvg(renderSvg(chartFromRuns('predictions', [trained, broken])));
    const markers = elements(doc, 'path').filter((p) => p.getAttribute('class') === 'markers');
    expect(markers).toHaveLength(1);
    expect((markers[0]!.getAttribute('d') ?? '').match(/M/g)).toHaveLength(4);
    expect(texts(doc)).toContain('diverged (all 4 outputs NaN/∞)');
  });
});

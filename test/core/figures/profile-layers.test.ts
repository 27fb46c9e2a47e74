/** The gradient-flow figure of a stacked model: every layer drawn and named, or the one chosen, named. */
import { describe, expect, it } from 'vitest';
import { chartFromRuns, figureFromRuns } from '../../../core/figures';
import type { GradientProfile } from '../../../core/api/records';
import { runSummary } from '../../fixtures/figures/runs';

const T = 12;
/** Layer l decays by factor 0.5 + 0.2·l per step back in time: the layers' curves differ. */
const twoLayer: GradientProfile[] = [
  {
    step: 50,
    layers: [0, 1].map((layer) => ({
      layer,
      hNorms: Array.from({ length: T }, (_, i) => (0.5 + 0.2 * layer) ** (T - 1 - i)),
      horizon: 4 + layer,
    })),
  },
];
const run = { run: runSummary('deep', 'two layers'), profiles: twoLayer };

describe('the gradient-flow figure of a 2-layer model', () => {
  it('has one curve per layer by default, each named by its layer (from 1, as the window names them)', () => {
    const data = chartFromRuns('profile', [run], {});
    expect(data.type).toBe('line');
    if (data.type !== 'line') return;
    const curves = data.series.filter((s) => !s.reference);
    expect(curves.map((s) => s.label)).toEqual(['layer 1', 'layer 2']);
    expect(curves[1]!.y[0]).toBeCloseTo(0.7 ** (T - 1), 12);
    expect(new Set(curves.map((s) => s.colorIndex)).size).toBe(2);
  });

  it('shows both in the exported SVG and CSV', async () => {
    const svg = new TextDecoder().decode((await figureFromRuns('profile', 'svg', [run], {})).bytes);
    expect(svg).toContain('layer 1');
    expect(svg).toContain('layer 2');
    const csv = new TextDecoder().decode((await figureFromRuns('profile', 'csv', [run], {})).bytes);
    expect(csv).toContain('layer 1');
    expect(csv).toContain('layer 2');
  });

  it('shows a chosen layer only, with the layer named in the title and axis', () => {
    const data = chartFromRuns('profile', [run], { layer: 1 });
    if (data.type !== 'line') throw new Error('line chart expected');
    expect(data.series.filter((s) => !s.reference)).toHaveLength(1);
    expect(data.title).toBe('Gradient norm through time at step 50, layer 2');
    expect(data.yLabel).toContain('layer 2');
  });

  it('with two runs, names each curve by run and layer', () => {
    const other = { run: runSummary('deep2', 'other'), profiles: twoLayer };
    const data = chartFromRuns('profile', [run, other], {});
    if (data.type !== 'line') throw new Error('line chart expected');
    expect(data.series.filter((s) => !s.reference).map((s) => s.label)).toEqual([
      'two layers, layer 1',
      'two layers, layer 2',
      'other, layer 1',
      'other, layer 2',
    ]);
  });
});

/** Every registered figure chart gets these checks because it is registered, not because it is listed here. */
import { describe, expect, it } from 'vitest';
import { FIGURE_CHARTS } from '../../../core/api/contract';
import { chartFromRuns, FIGURE_CHART_REGISTRY, renderCsv, renderSvg } from '../../../core/figures';
import { lossCurve, profiles, runSummary, series } from '../../fixtures/figures/runs';

const run = (id: string, k: number) => {
  const c = lossCurve(30, 10, k);
  return {
    run: runSummary(id, `run ${id}`, { task: 'sine' }),
    series: [
      series('loss', c.step, c.value),
      series(
        'gradNorm',
        c.step,
        c.value.map((v) => v * 10),
      ),
      series(
        'horizon',
        c.step,
        c.step.map((s) => 5 + s / 100),
      ),
      series('predicted', [0, 1, 2], [0.1, 0.2, 0.3]),
      series('target', [0, 1, 2], [0.1, 0.25, 0.3]),
    ],
    profiles: profiles(20, [0, 100, 200], (s) => 0.8 + s / 2000, 0.9),
  };
};
const runs = [run('a', 1), run('b', 2)];

describe('the figure chart registry', () => {
  it('has one record for each chart of the contract', () => {
    expect(Object.keys(FIGURE_CHART_REGISTRY).sort()).toEqual([...FIGURE_CHARTS].sort());
  });

  describe.each(Object.entries(FIGURE_CHART_REGISTRY))('%s', (kind, record) => {
    it('builds from only what it says it needs, renders a deterministic SVG and a CSV', () => {
      const fed = runs.map((r) => ({
        run: r.run,
        ...(record.needs.series ? { series: r.series } : {}),
        ...(record.needs.profiles ? { profiles: r.profiles } : {}),
      }));
      const data = chartFromRuns(kind as keyof typeof FIGURE_CHART_REGISTRY, fed, {});
      const drawn = data.type === 'heatmap' ? data.values.length : data.series.filter((s) => s.x.length > 0).length;
      expect(drawn, 'something is drawn from the parts it needs').toBeGreaterThan(0);
      const svg = renderSvg(data, {});
      expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
      expect(renderSvg(data, {})).toBe(svg);
      expect(renderCsv(data, {}).split('\n').length).toBeGreaterThan(1);
    });
  });
});

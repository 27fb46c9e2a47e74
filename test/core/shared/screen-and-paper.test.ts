/**
 * What the window draws and what the exported figure draws come from one implementation (core/shared):
 * these tests tie the screen (Compare, the live view) to the paper (core/figures) so they cannot part again.
 */
import { describe, expect, it } from 'vitest';
import { FigureSettingsSchema, lossChart } from '../../../core/figures';
import { seriesStyle } from '../../../core/shared/palette';
import { metricCurves, type CurveRun } from '../../../renderer/src/compare/chart-model';
import { liveCurves } from '../../../renderer/src/live/live-curves';
import { RunBuffer } from '../../../renderer/src/live/run-buffer';
import type { RunSummary, Series } from '../../../core/api/records';
import { runSummary, series } from '../../fixtures/figures/runs';

/** Seed k's loss is a_k + b_k·step: linear, so interpolation between stored steps is exact. */
const A = [0.9, 1.1, 1.0];
const B = [-2e-4, -3e-4, -1e-4];
/** Each seed's stored steps, as the store's per-seed downsampling leaves them: different points per seed. */
const STEPS = [
  [0, 100, 250, 400, 700, 1000],
  [0, 50, 300, 333, 600, 850, 1000],
  [0, 200, 500, 1000],
];

function seeds(): { run: RunSummary; series: Series[] }[] {
  return STEPS.map((steps, k) => ({
    run: runSummary(`s${k}`, `tanh orth seed ${k}`, { specHash: 'same-spec', seed: k }),
    series: [
      series(
        'loss',
        steps,
        steps.map((s) => (A[k] as number) + (B[k] as number) * s),
      ),
    ],
  }));
}

const onScreen = (
  runs: { run: RunSummary; series: Series[] }[],
  group: 'std' | 'minmax',
): ReturnType<typeof metricCurves> =>
  metricCurves(
    runs.map((r): CurveRun => ({ summary: r.run, series: new Map(r.series.map((s) => [s.metric, s])) })),
    [{ metric: 'loss', label: 'train' }],
    { smoothing: 0, group, x: 'step' },
  );

describe('seed bands: the screen and the figure', () => {
  it.each(['std', 'minmax'] as const)(
    'seeds downsampled to different steps give the same %s band in Compare and in the figure, at every x',
    (band) => {
      const [screen] = onScreen(seeds(), band);
      const [paper] = lossChart(seeds(), { groupSeeds: true, metrics: ['loss'], band }).series;
      expect(screen && paper).toBeTruthy();
      expect(screen!.x).toEqual(paper!.x);
      expect(screen!.y).toEqual(paper!.y);
      expect(screen!.lo).toEqual(paper!.band?.lo);
      expect(screen!.hi).toEqual(paper!.band?.hi);
    },
  );

  it('the band counts every seed at every x inside its range (the closed form of linear seeds)', () => {
    const [paper] = lossChart(seeds(), { groupSeeds: true, metrics: ['loss'] }).series;
    const xs = paper!.x;
    // The union of the seeds' steps: no seed's stored point is dropped.
    expect(xs).toEqual([...new Set(STEPS.flat())].sort((a, b) => a - b));
    xs.forEach((x, i) => {
      const ys = A.map((a, k) => a + (B[k] as number) * x);
      const mean = ys.reduce((s, y) => s + y, 0) / 3;
      const sd = Math.sqrt(ys.reduce((s, y) => s + (y - mean) ** 2, 0) / 2);
      expect(paper!.y[i]).toBeCloseTo(mean, 12);
      expect(paper!.band!.hi[i]! - paper!.band!.lo[i]!).toBeCloseTo(2 * sd, 12);
    });
  });
});

describe('colours and dashes: live view, Compare and figure', () => {
  const settings = FigureSettingsSchema.parse({});
  const trainAndHeldout = (id: string, name: string) => ({
    run: runSummary(id, name),
    series: [series('loss', [0, 10, 20], [1, 0.5, 0.25]), series('heldoutLoss', [0, 20], [1.1, 0.3])],
  });

  it('a run with train and held-out loss has the same colour and dash per curve in all three', () => {
    const runs = [trainAndHeldout('a', 'A'), trainAndHeldout('b', 'B')];
    const paper = lossChart(runs).series.map((s) => seriesStyle(settings, s.colorIndex ?? 0, s.dashIndex));
    const compare = metricCurves(
      runs.map((r) => ({ summary: r.run, series: new Map(r.series.map((s) => [s.metric, s])) })),
      [
        { metric: 'loss', label: 'train' },
        { metric: 'heldoutLoss', label: 'held-out' },
      ],
      { smoothing: 0, group: 'none', x: 'step' },
    );
    expect(compare.map((c) => c.style.color)).toEqual(paper.map((p) => p.color));
    // The dash patterns are the same pattern (screen lines are wider, so the screen's dashes are longer).
    expect(compare.map((c) => c.style.dash === undefined)).toEqual(paper.map((p) => p.dasharray === undefined));

    const buffer = new RunBuffer('a');
    buffer.loadHistory({ ...runs[0]!.run, status: 'running' }, runs[0]!.series, []);
    const live = liveCurves(buffer).loss;
    expect(live.map((c) => [c.label, c.color, c.dash])).toEqual(
      compare.slice(0, 2).map((c) => [c.label.replace('A, ', ''), c.style.color, c.style.dash]),
    );
  });
});

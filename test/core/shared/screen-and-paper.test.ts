/**
 * What the window draws and what the exported figure draws come from one implementation (core/shared):
 * these tests tie the screen (Compare, the live view) to the paper (core/figures) so they cannot part again.
 */
import { describe, expect, it } from 'vitest';
import { FigureSettingsSchema, lossChart } from '../../../core/figures';
import { SCREEN_LINE_PX, seriesStyle } from '../../../core/shared/palette';
import { lineChartLayout } from '../../../core/figures/charts/line';
import { legendEntries } from '../../../core/figures/charts/line/legend-placement';
import { legendModel } from '../../../renderer/src/charts/legend-model';
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
    expect(live.map((c) => [c.label, c.style.color, c.style.dash])).toEqual(
      compare.slice(0, 2).map((c) => [c.label.replace('A, ', ''), c.style.color, c.style.dash]),
    );
  });
});

/**
 * The Compare legend and the exported figure's legend come from one rule (core/shared/legend-text.ts) and one
 * style table (core/shared/palette.ts styleSlot): the same runs give the same entry names, caption and styles.
 */
describe('legends: Compare on screen and the exported figure', () => {
  const curveRuns = (runs: { run: RunSummary; series: Series[] }[]): CurveRun[] =>
    runs.map((r) => ({ summary: r.run, series: new Map(r.series.map((s) => [s.metric, s])) }));
  /** n runs named as a sweep names them: long shared words, then what differs. */
  const sweep = (n: number, metrics: ('loss' | 'heldoutLoss')[] = ['loss']) =>
    Array.from({ length: n }, (_, k) => ({
      run: runSummary(`r${k}`, `sweep-check lr=0.01 cell=${['rnn', 'lstm', 'gru'][k % 3]} seed ${k}`),
      series: metrics.map((m) => series(m, [0, 10, 20], [1 + k, 0.5 + k, 0.25 + k])),
    }));
  /** A dash pattern in units of its line width, so the screen's and the file's compare. */
  const pattern = (dash: string | undefined, width: number) =>
    (dash ?? '')
      .split(' ')
      .filter(Boolean)
      .map((d) => Math.round((Number(d) / width) * 10) / 10);

  function both(
    runs: { run: RunSummary; series: Series[] }[],
    metrics: ('loss' | 'heldoutLoss')[],
    legendNames: Record<string, string> = {},
  ) {
    const settings = FigureSettingsSchema.parse({ legendNames });
    const data = lossChart(runs, { metrics });
    const file = legendEntries(lineChartLayout(data, settings).resolved, data, settings);
    const names = { loss: 'train', heldoutLoss: 'held-out' } as const;
    const screen = legendModel(
      metricCurves(
        curveRuns(runs),
        metrics.map((m) => ({ metric: m, label: names[m] })),
        { smoothing: 0, group: 'none', x: 'step' },
      ),
      legendNames,
    );
    const caption = file[0]?.caption ? file[0].label : '';
    const entries = file.filter((e) => !e.caption);
    return { settings, caption, entries, screen };
  }

  it.each([1, 3, 8, 11, 20])('%i runs: same caption, names and colour × dash × marker', (n) => {
    const { settings, caption, entries, screen } = both(sweep(n), ['loss']);
    expect(screen.caption).toBe(caption);
    expect(screen.items.map((i) => i.label)).toEqual(entries.map((e) => e.label));
    expect(screen.items.map((i) => i.style.color)).toEqual(entries.map((e) => e.color));
    expect(screen.items.map((i) => i.style.marker)).toEqual(entries.map((e) => e.symbol));
    expect(screen.items.map((i) => pattern(i.style.dash, SCREEN_LINE_PX * 2))).toEqual(
      entries.map((e) => pattern(e.dasharray, settings.lineWidth)),
    );
    if (n >= 3) expect(caption).toBe('sweep-check lr=0.01');
    // No two curves share all three, on screen as in the file.
    const keys = screen.items.map((i) => `${i.style.color}|${i.style.dash}|${i.style.marker}`);
    expect(new Set(keys).size).toBe(n);
  });

  it('train and held-out curves: the same caption and names in both', () => {
    const { caption, entries, screen } = both(sweep(4, ['loss', 'heldoutLoss']), ['loss', 'heldoutLoss']);
    expect(screen.caption).toBe(caption);
    expect(screen.items.map((i) => i.label)).toEqual(entries.map((e) => e.label));
    expect(screen.items.map((i) => i.style.marker)).toEqual(entries.map((e) => e.symbol));
  });

  it('seed groups: the same group names, caption and styles in Compare and in a groupSeeds figure', () => {
    // 3 cells × 3 seeds: three groups, each the seeds of one spec.
    const runs = Array.from({ length: 9 }, (_, k) => {
      const cell = (['rnn', 'lstm', 'gru'] as const)[k % 3];
      return {
        run: runSummary(`g${k}`, `sweep-check ${cell} seed ${k}`, { specHash: `spec-${cell}`, cell, seed: k }),
        series: [series('loss', [0, 10, 20], [1 + k, 0.5 + k, 0.25 + k])],
      };
    });
    const settings = FigureSettingsSchema.parse({});
    const data = lossChart(runs, { metrics: ['loss'], groupSeeds: true });
    const file = legendEntries(lineChartLayout(data, settings).resolved, data, settings);
    const screen = legendModel(
      metricCurves(curveRuns(runs), [{ metric: 'loss', label: 'train' }], { smoothing: 0, group: 'std', x: 'step' }),
    );
    const entries = file.filter((e) => !e.caption);
    expect(screen.caption).toBe(file[0]?.caption ? file[0].label : '');
    expect(screen.items.map((i) => i.label)).toEqual(entries.map((e) => e.label));
    expect(screen.items.map((i) => i.label)).toEqual(['cell=rnn (n = 3)', 'cell=lstm (n = 3)', 'cell=gru (n = 3)']);
    expect(screen.items.map((i) => i.style.color)).toEqual(entries.map((e) => e.color));
    expect(screen.items.map((i) => i.band)).toEqual(entries.map((e) => e.band));
  });

  it('user legend names win over the automatic ones, on screen as in the file', () => {
    const { caption, entries, screen } = both(sweep(5), ['loss'], { r1: 'my LSTM', r3: 'baseline' });
    expect(screen.items.map((i) => i.label)).toEqual(entries.map((e) => e.label));
    expect(screen.items[1]?.label).toBe('my LSTM');
    expect(screen.items[3]?.label).toBe('baseline');
    expect(screen.caption).toBe(caption);
    expect(caption).toBe('sweep-check lr=0.01');
    expect(screen.items[0]?.label).toBe('cell=rnn seed 0');
  });
});

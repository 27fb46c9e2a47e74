/**
 * Seed groups are named by the fields that tell them apart, by one function for the Compare tab and the
 * exported figure: a sweep of model.cell [rnn, lstm] × 3 seeds read "sweep-check (n = 3)" twice.
 */
import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../core/api/spec';
import { chartFromRuns, figureFromRuns } from '../../../core/figures';
import { groupLabels } from '../../../core/shared/labels';
import { metricCurves } from '../../../renderer/src/compare/chart-model';
import { legendEntries } from '../../../renderer/src/export/legend-entries';
import type { RunDetail } from '../../../core/api/records';
import { lossCurve, runSummary, series } from '../../fixtures/figures/runs';

function sweepRun(cell: 'rnn' | 'lstm', seed: number): RunDetail {
  const spec = ExperimentSpecSchema.parse({
    name: `sweep-check cell=${cell} seed=${seed}`,
    model: { cell },
    train: { seed },
  });
  return {
    ...runSummary(`${cell}-${seed}`, `sweep-check`, { specHash: `hash-${cell}`, cell, seed }),
    spec,
    heartbeatAt: null,
    lastCheckpointStep: null,
    metrics: ['loss'],
    source: null,
  };
}
const runs = (['rnn', 'lstm'] as const).flatMap((cell) => [1, 2, 3].map((seed) => sweepRun(cell, seed)));
const loss = (k: number) => {
  const c = lossCurve(20, 10, k);
  return series('loss', c.step, c.value);
};

describe('seed group labels', () => {
  it('name the fields in which the groups differ, not the shared name', () => {
    const groups = [runs.slice(0, 3), runs.slice(3)];
    expect(groupLabels(groups)).toEqual(['cell=rnn (n = 3)', 'cell=lstm (n = 3)']);
  });

  it('say the same in the exported loss figure (SVG too) and on the Compare tab', async () => {
    const inputs = runs.map((run, i) => ({ run, series: [loss(i)] }));
    const data = chartFromRuns('loss', inputs, { groupSeeds: true, metrics: ['loss'] });
    if (data.type !== 'line') throw new Error('line chart expected');
    const fileLabels = data.series.map((s) => s.label);
    expect(fileLabels).toEqual(['cell=rnn (n = 3)', 'cell=lstm (n = 3)']);
    const svg = new TextDecoder().decode(
      (await figureFromRuns('loss', 'svg', inputs, { groupSeeds: true, metrics: ['loss'] })).bytes,
    );
    expect(svg).toContain('cell=rnn (n = 3)');
    expect(svg).toContain('cell=lstm (n = 3)');

    const screen = metricCurves(
      runs.map((r, i) => ({ summary: r, series: new Map([['loss', loss(i)]]) })),
      [{ metric: 'loss', label: 'train' }],
      { smoothing: 0, group: 'std', x: 'step' },
    );
    expect(screen.map((s) => s.label)).toEqual(fileLabels);
    // The export dialog's legend editor lists the same names.
    expect(legendEntries('loss', runs, { groupSeeds: true, metrics: ['loss'] }).map((e) => e.label)).toEqual(
      fileLabels,
    );
  });

  it('name two differing fields, each by its last segment unless two share it', () => {
    const r = (cell: string, lr: number, init: string) => ({
      name: 'x',
      cell,
      activation: 'tanh',
      init,
      spec: { model: { cell, init: { recurrent: init, input: 'xavier' } }, train: { lr } },
    });
    expect(groupLabels([[r('rnn', 0.1, 'he')], [r('gru', 0.01, 'he')]])).toEqual([
      'cell=rnn, lr=0.1 (n = 1)',
      'cell=gru, lr=0.01 (n = 1)',
    ]);
    const clash = (a: string, b: string) => ({
      name: 'x',
      cell: 'rnn',
      activation: 'tanh',
      init: 'he',
      spec: { model: { mode: a }, task: { mode: b } },
    });
    expect(groupLabels([[clash('a', 'p')], [clash('b', 'q')]])).toEqual([
      'model.mode=a, task.mode=p (n = 1)',
      'model.mode=b, task.mode=q (n = 1)',
    ]);
  });

  it('fall back to the shared name for one group, and use the summary fields without a spec', () => {
    expect(
      groupLabels([
        [
          { name: 'tanh orth seed 1', cell: 'rnn', activation: 'tanh', init: 'orthogonal' },
          { name: 'tanh orth seed 2', cell: 'rnn', activation: 'tanh', init: 'orthogonal' },
        ],
      ]),
    ).toEqual(['tanh orth (n = 2)']);
    const plain = (activation: string) => ({ name: 'same', cell: 'rnn', activation, init: 'he' });
    expect(groupLabels([[plain('tanh')], [plain('relu')]])).toEqual([
      'activation=tanh (n = 1)',
      'activation=relu (n = 1)',
    ]);
  });
});

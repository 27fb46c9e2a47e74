/** The legend model (caption, user names, styles), the clip events and the tooltip rows of the window's charts. */
import { describe, expect, it } from 'vitest';
import { legendModel } from '../../../renderer/src/charts/legend-model';
import { clipEventSeries, MAX_EVENTS, lastFinite } from '../../../renderer/src/charts/curves';
import { tooltipRows, tooltipX } from '../../../renderer/src/charts/tooltip-rows';
import { legendText, sharedPrefix } from '../../../core/shared/legend-text';
import { lineStyle } from '../../../core/shared/palette';
import type { PlotSeries } from '../../../renderer/src/charts/plot-series';

const named = (labels: string[]): PlotSeries[] =>
  labels.map((label, i) => ({ key: `r${i}`, alias: `run${i}`, label, style: lineStyle(i), x: [1, 2], y: [1, 2] }));

describe('legend text', () => {
  it('puts the words all automatic names share in a caption and keeps what differs', () => {
    const m = legendModel(named(['sweep-check cell=rnn', 'sweep-check cell=lstm', 'sweep-check cell=gru']));
    expect(m.caption).toBe('sweep-check');
    expect(m.items.map((i) => i.label)).toEqual(['cell=rnn', 'cell=lstm', 'cell=gru']);
  });

  it('keeps two names whole, and a prefix shorter than a word', () => {
    expect(legendModel(named(['sweep-check a', 'sweep-check b'])).caption).toBe('');
    expect(sharedPrefix(['ab x', 'ab y', 'ab z'])).toBe('');
    expect(sharedPrefix(['same', 'same', 'same'])).toBe('');
  });

  it('lets a user name, keyed by series id or alias, win and stay whole', () => {
    const four = ['sweep-check cell=rnn', 'sweep-check cell=lstm', 'sweep-check cell=gru', 'sweep-check cell=tanh'];
    const m = legendModel(named(four), { r0: 'plain RNN', run2: 'GRU (ours)' });
    expect(m.caption).toBe('sweep-check');
    expect(m.items.map((i) => i.label)).toEqual(['plain RNN', 'cell=lstm', 'GRU (ours)', 'cell=tanh']);
    // A single automatic name left has nothing to share: it stays whole.
    expect(legendModel(named(four.slice(0, 3)), { r0: 'x', r1: 'y' }).items[2]?.label).toBe('sweep-check cell=gru');
    expect(legendText([{ id: 'a', label: 'x y z' }], { a: 'mine' })).toEqual({ caption: '', labels: ['mine'] });
  });

  it('gives each entry its curve’s style and marks banded curves', () => {
    const s = named(['a', 'b']);
    const m = legendModel([{ ...s[0]!, lo: [0, 0], hi: [2, 3] }, s[1]!]);
    expect(m.items.map((i) => i.style)).toEqual([lineStyle(0), lineStyle(1)]);
    expect(m.items.map((i) => i.band)).toEqual([true, false]);
  });
});

describe('clip events', () => {
  const g: PlotSeries = {
    key: 'g',
    label: 'g',
    style: lineStyle(0),
    x: Array.from({ length: 1000 }, (_, i) => i),
    y: Array.from({ length: 1000 }, () => 2),
  };
  it('marks the clipped steps on the curve and counts them all', () => {
    const { series, count } = clipEventSeries(
      g,
      g.x.map((i) => (i % 10 === 0 ? 1 : 0)),
    );
    expect(count).toBe(100);
    expect(series.kind).toBe('points');
    expect(series.x.slice(0, 3)).toEqual([0, 10, 20]);
    expect(series.y.every((v) => v === 2)).toBe(true);
  });
  it('thins more than MAX_EVENTS evenly', () => {
    const { series, count } = clipEventSeries(
      g,
      g.x.map(() => 1),
    );
    expect(count).toBe(1000);
    expect(series.x.length).toBeLessThanOrEqual(MAX_EVENTS);
    expect(series.x[1]! - series.x[0]!).toBe(series.x[2]! - series.x[1]!);
  });
  it('finds the latest finite value', () => {
    expect(lastFinite([1, 2, Number.NaN])).toBe(2);
    expect(lastFinite([Number.NaN])).toBeUndefined();
  });
});

describe('tooltip rows', () => {
  it('lists every curve’s nearest point with its band, skipping point events', () => {
    const s: PlotSeries[] = [
      { key: 'a', label: 'A', style: lineStyle(0), x: [0, 10, 20], y: [1, 0.5, 0.25] },
      { key: 'b', label: 'B', style: lineStyle(1), x: [0, 100], y: [2, 1.5], lo: [1, 1], hi: [3, 2] },
      { key: 'e', label: 'E', style: lineStyle(2), x: [5], y: [1], kind: 'points' },
    ];
    const rows = tooltipRows(s, 14);
    expect(rows.map((r) => [r.label, r.value, r.band])).toEqual([
      ['A', '0.5', ''],
      ['B', '2', '[1, 3]'],
    ]);
    expect(tooltipX(1234.5)).toBe('1234.5');
  });
});

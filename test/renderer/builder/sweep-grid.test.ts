import { describe, expect, it } from 'vitest';
import { activeGrid, describeGrid, parseNumberList, runCount } from '../../../renderer/src/builder/sweep-grid';
import { SweepGridSchema } from '../../../core/api/contract';
import { GRID_AXES } from '../../../renderer/src/builder/sweep-grid';

describe('sweep grid', () => {
  it('counts the product of the ticked axes and drops empty ones', () => {
    const grid = { 'model.cell': ['rnn', 'lstm', 'gru'], 'train.seed': [1, 2, 3], 'train.lr': [] };
    expect(runCount(grid)).toBe(9);
    expect(activeGrid(grid)).toEqual({ 'model.cell': ['rnn', 'lstm', 'gru'], 'train.seed': [1, 2, 3] });
    expect(describeGrid(grid)).toBe('cell × seed → 9 runs');
    expect(runCount({})).toBe(0);
  });

  it('reads number lists and names the word that is not a number', () => {
    expect(parseNumberList('1, 2 3;3', true)).toEqual({ values: [1, 2, 3], error: null });
    expect(parseNumberList('1e-3, 0.01', false).values).toEqual([0.001, 0.01]);
    expect(parseNumberList('1, x', true).error).toMatch(/“x”/);
    expect(parseNumberList('1.5', true).error).toMatch(/whole number/);
  });

  it('offers only axes whose keys the contract accepts', () => {
    const grid = Object.fromEntries(GRID_AXES.map((a) => [a.path, [1]]));
    expect(SweepGridSchema.safeParse(grid).success).toBe(true);
  });
});

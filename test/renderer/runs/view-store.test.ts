import { beforeEach, describe, expect, it } from 'vitest';
import {
  addSelected,
  getRunsViewState,
  resetRunsView,
  setSelected,
  toggleSelected,
} from '../../../renderer/src/runs/view-store';

describe('the window-wide selection (Runs ticks = Compare runs)', () => {
  beforeEach(resetRunsView);

  it('keeps tick order, never duplicates, and unticks exactly the run removed', () => {
    toggleSelected({ id: 'a', name: 'A' }, true);
    toggleSelected({ id: 'b', name: 'B' }, true);
    addSelected({ id: 'a', name: 'A' });
    expect(getRunsViewState().selected.map((r) => r.id)).toEqual(['a', 'b']);
    // What Compare's chip removal does:
    setSelected(getRunsViewState().selected.filter((r) => r.id !== 'a'));
    expect(getRunsViewState().selected).toEqual([{ id: 'b', name: 'B' }]);
  });

  it("adding from a run's details panel keeps the runs already ticked", () => {
    setSelected([{ id: 'a', name: 'A' }]);
    addSelected({ id: 'c', name: 'C' });
    expect(getRunsViewState().selected.map((r) => r.id)).toEqual(['a', 'c']);
  });
});

/**
 * State of the Runs view that must outlive the component: App mounts one tab at a time, and a researcher who
 * filters, ticks five runs, looks at Compare and comes back expects the same page and the same ticks. The
 * ticks are also what Compare shows (one selection across tabs).
 */
import { useSyncExternalStore } from 'react';
import { EMPTY_FILTERS, type RunFilterState, type SortKey, type SortOrder } from './run-options';

export interface RunsViewState {
  filters: RunFilterState;
  sort: SortKey;
  order: SortOrder;
  offset: number;
  limit: number;
  /** Ticked runs in the order they were ticked (that order becomes the colour order in Compare). */
  selected: { id: string; name: string }[];
  /** The run whose details panel is open. */
  detailsId: string | null;
}

const initial: RunsViewState = {
  filters: EMPTY_FILTERS,
  sort: 'createdAt',
  order: 'desc',
  offset: 0,
  limit: 100,
  selected: [],
  detailsId: null,
};

let state = initial;
const listeners = new Set<() => void>();

export function getRunsViewState(): RunsViewState {
  return state;
}

export function updateRunsView(patch: Partial<RunsViewState> | ((s: RunsViewState) => Partial<RunsViewState>)): void {
  state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRunsView(): RunsViewState {
  return useSyncExternalStore(subscribe, getRunsViewState);
}

export function toggleSelected(run: { id: string; name: string }, on: boolean): void {
  updateRunsView((s) => ({
    selected: on
      ? s.selected.some((r) => r.id === run.id)
        ? s.selected
        : [...s.selected, run]
      : s.selected.filter((r) => r.id !== run.id),
  }));
}

/**
 * The selection is one state for the whole window: the runs ticked in Runs are the runs Compare shows, and a
 * run added or removed in Compare is ticked or unticked in Runs.
 */
export function setSelected(selected: { id: string; name: string }[]): void {
  updateRunsView({ selected });
}

/** Ticks a run (kept at its place if already ticked) and leaves the other ticks alone. */
export function addSelected(run: { id: string; name: string }): void {
  toggleSelected(run, true);
}

/** Test hook and "reset view" action. */
export function resetRunsView(): void {
  updateRunsView(initial);
}

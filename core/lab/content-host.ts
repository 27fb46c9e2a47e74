/**
 * What the Lessons and Replications halves of LabApi share: the lab operations their runners use (the lab's own
 * startRun/startSweep/tagRun, so their runs are queued, stored and shown like any other), adapted once to the
 * runners' narrower signatures. Each half adds only what is its own (an engine's predictions; the cluster).
 */
import type { ExperimentSpec, LabEvent, LabHandlers, Placement, RunSummary } from '../api';
import type { LaunchDeps } from '../lessons/runner/launch';
import type { LabStore } from '../store';

export interface ContentHostDeps {
  store(): LabStore | null;
  /** The Lab's own run operations, which lesson and replication runs go through like any other run. */
  startRun: LabHandlers['startRun'];
  startSweep: LabHandlers['startSweep'];
  tagRun: LabHandlers['tagRun'];
  whenEnded(runId: string): Promise<RunSummary>;
  subscribe(listener: (event: LabEvent) => void): () => void;
  emit(event: LabEvent): void;
}

export interface RunnerOps extends LaunchDeps {
  store(): LabStore | null;
  whenEnded(runId: string): Promise<RunSummary>;
  subscribe(listener: (event: LabEvent) => void): () => void;
  emit(event: LabEvent): void;
}

/** A half of LabApi: its handlers and how to stop it. */
export interface ContentHost<M extends keyof LabHandlers> {
  handlers: Pick<LabHandlers, M>;
  close(): void;
}

/** runnerOps that place each run: replications send theirs to the cluster when asked to. */
export function placedRunnerOps(deps: ContentHostDeps) {
  return {
    ...runnerOps(deps),
    startRun: (spec: ExperimentSpec, placement?: Placement) =>
      deps.startRun({ spec, ...(placement ? { placement } : {}) }),
    startSweep: (
      { name, base, grid }: { name: string; base: ExperimentSpec; grid: Record<string, unknown[]> },
      placement?: Placement,
    ) => deps.startSweep({ name, base, grid, ...(placement ? { placement } : {}) }),
  };
}

export function runnerOps(deps: ContentHostDeps): RunnerOps {
  return {
    store: deps.store,
    startRun: (spec) => deps.startRun({ spec }),
    startSweep: ({ name, base, grid }) => deps.startSweep({ name, base, grid }),
    tagRun: (runId, add) => deps.tagRun({ runId, add, remove: [] }),
    whenEnded: deps.whenEnded,
    subscribe: deps.subscribe,
    emit: deps.emit,
  };
}

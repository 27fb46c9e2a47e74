/** Starts a batch: every planned run and sweep of the lesson through the lab, each tagged with its place. */
import { ExperimentSpecSchema, type ExperimentSpec, type RunSummary } from '../../api';
import type { LessonDefinition, PlannedItem } from '../types';
import { runTags } from './batches';
import type { ActiveBatch } from './progress';

export interface LaunchDeps {
  startRun(spec: ExperimentSpec): Promise<RunSummary>;
  startSweep(args: {
    name: string;
    base: ExperimentSpec;
    grid: Record<string, unknown[]>;
  }): Promise<{ sweepId: string; runs: RunSummary[] }>;
  tagRun(runId: string, add: string[]): Promise<RunSummary>;
}

/** Starts planned runs and sweeps through the lab, tagging every run with `tags(item.key)`; lessons and replications share it. */
export async function launchItems(
  deps: LaunchDeps,
  items: readonly PlannedItem[],
  tags: (key: string) => string[],
): Promise<RunSummary[]> {
  const started: RunSummary[] = [];
  for (const item of items) {
    if (item.kind === 'run') {
      const run = await deps.startRun(ExperimentSpecSchema.parse(item.spec));
      started.push(await deps.tagRun(run.id, tags(item.key)));
    } else {
      const sweep = await deps.startSweep({
        name: item.name,
        base: ExperimentSpecSchema.parse(item.base),
        grid: item.grid,
      });
      for (const run of sweep.runs) started.push(await deps.tagRun(run.id, tags(item.key)));
    }
  }
  return started;
}

export function launchBatch(
  deps: LaunchDeps,
  lessonId: number,
  def: LessonDefinition,
  act: ActiveBatch,
): Promise<RunSummary[]> {
  return launchItems(deps, def.items(act.scale), (key) => runTags(lessonId, act.id, key));
}

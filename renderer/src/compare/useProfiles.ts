/**
 * The gradient profile each compared run shows: its latest probe, or the probe nearest a chosen step. Probe
 * steps come from the `horizon` series (one point per probe), so only the one profile needed is fetched.
 */
import { useEffect, useState } from 'react';
import type { GradientProfile } from '../../../core/api/records';
import { getLab } from '../api/lab';
import type { CompareRun } from './useCompareData';
import { nearestIndex } from '../../../core/shared/seeds';

export type ProbeChoice = 'latest' | number;

/** Probe steps of a run, ascending (empty when it has not been probed yet). */
export function probeSteps(run: CompareRun): number[] {
  return [...(run.series.get('horizon')?.step ?? [])];
}

function stepFor(run: CompareRun, choice: ProbeChoice): number | 'latest' | null {
  const steps = probeSteps(run);
  if (choice === 'latest') return steps.length ? (steps.at(-1) as number) : 'latest';
  const i = nearestIndex(steps, choice);
  return i < 0 ? null : (steps[i] as number);
}

export function useProfiles(
  runs: readonly CompareRun[],
  choice: ProbeChoice,
): ReadonlyMap<string, GradientProfile | undefined> {
  const [profiles, setProfiles] = useState<ReadonlyMap<string, GradientProfile | undefined>>(new Map());
  const wanted = runs.map((r) => `${r.id}@${stepFor(r, choice)}`).join(',');

  useEffect(() => {
    let live = true;
    const pairs = wanted ? wanted.split(',').map((w) => w.split('@') as [string, string]) : [];
    Promise.all(
      pairs.map(async ([runId, step]): Promise<[string, GradientProfile | undefined]> => {
        if (step === 'null') return [runId, undefined];
        const res = await getLab().getProfiles(
          step === 'latest' ? { runId, latest: true } : { runId, steps: [Number(step)] },
        );
        return [runId, res.profiles.at(-1)];
      }),
    )
      .then((entries) => live && setProfiles(new Map(entries)))
      .catch(() => live && setProfiles(new Map()));
    return () => {
      live = false;
    };
  }, [wanted]);

  return profiles;
}

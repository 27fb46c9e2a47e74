/**
 * Per-step statistics across the seeds of one configuration. Runs may have different steps (one stopped
 * early, one diverged): each step aggregates the runs that have it. Non-finite values propagate (a seed that
 * hit Inf makes that step's mean Inf) rather than vanish: divergence is data.
 */
import type { SeriesColumns } from './series-store';

export interface StepStats {
  step: number[];
  mean: number[];
  /** Sample standard deviation (n − 1); 0 where one run has the step. */
  std: number[];
  min: number[];
  max: number[];
}

export function stepStats(runs: readonly SeriesColumns[]): StepStats {
  const all: number[] = [];
  for (const r of runs) for (const s of r.step) all.push(s);
  all.sort((a, b) => a - b);
  const steps: number[] = [];
  for (const s of all) if (steps.length === 0 || steps[steps.length - 1] !== s) steps.push(s);

  const m = steps.length;
  const count = new Float64Array(m);
  const mean = new Float64Array(m);
  const m2 = new Float64Array(m);
  const min = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  // Bit 1: a NaN, bit 2: +Inf, bit 4: -Inf at that step. Welford sees finite values only.
  const odd = new Uint8Array(m);
  for (const r of runs) {
    let k = 0;
    for (let i = 0; i < r.step.length; i++) {
      const s = r.step[i] as number;
      while (steps[k] !== s) k++;
      const v = r.value[i] as number;
      if (!Number.isFinite(v)) {
        odd[k] = (odd[k] as number) | (Number.isNaN(v) ? 1 : v > 0 ? 2 : 4);
        continue;
      }
      // Welford's update: stable for long runs of nearly equal losses.
      const n = (count[k] as number) + 1;
      const mu = mean[k] as number;
      const d = v - mu;
      const mu2 = mu + d / n;
      count[k] = n;
      mean[k] = mu2;
      m2[k] = (m2[k] as number) + d * (v - mu2);
      if (v < (min[k] as number)) min[k] = v;
      if (v > (max[k] as number)) max[k] = v;
    }
  }
  const out: StepStats = { step: steps, mean: [], std: [], min: [], max: [] };
  for (let k = 0; k < m; k++) {
    const n = count[k] as number;
    const flags = odd[k] as number;
    if (flags === 0) {
      out.mean.push(mean[k] as number);
      out.std.push(n > 1 ? Math.sqrt((m2[k] as number) / (n - 1)) : 0);
      out.min.push(min[k] as number);
      out.max.push(max[k] as number);
      continue;
    }
    const nan = (flags & 1) !== 0 || (flags & 6) === 6;
    out.mean.push(nan ? Number.NaN : flags & 2 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
    out.std.push(Number.NaN);
    out.min.push(nan ? Number.NaN : flags & 4 ? Number.NEGATIVE_INFINITY : (min[k] as number));
    out.max.push(nan ? Number.NaN : flags & 2 ? Number.POSITIVE_INFINITY : (max[k] as number));
  }
  return out;
}

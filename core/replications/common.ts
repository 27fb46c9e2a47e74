/** Pieces the replication records share: verdict from counted conditions, figure names, legend names, sizes. */
import type { Localized, ReplicationVerdict } from '../api';
import { L } from '../lessons/text';
import type { ReplicationRun } from './types';

/** All conditions met: reproduced; some: partly; none: not reproduced. */
export function verdictOf(conditions: readonly boolean[]): ReplicationVerdict {
  const met = conditions.filter(Boolean).length;
  return met === conditions.length ? 'reproduced' : met > 0 ? 'partly' : 'not_reproduced';
}

export const VERDICT_WORDS: Record<ReplicationVerdict, Localized> = {
  reproduced: L('Reproduced', '已复现'),
  partly: L('Partly reproduced', '部分复现'),
  not_reproduced: L('Not reproduced', '未复现'),
};

/** "of N runs" and the like, in both languages. */
export const ofRuns = (n: number): Localized => L(`of ${n}`, `共 ${n} 次`);

export function figureName(id: string, slug: string): string {
  return `replication-${id}-${slug}`;
}

/** Legend names without the "<id>: " prefix the run names carry. */
export function legendNames(runs: readonly ReplicationRun[]): Record<string, string> {
  return Object.fromEntries(runs.map((r) => [r.run.id, r.run.name.replace(/^[a-z0-9-]+:\s*/, '')]));
}

/** Seeds 1..n. */
export function seeds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

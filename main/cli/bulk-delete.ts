/**
 * `gradlab runs delete --older-than 90d` / `--tag T`: every finished run matching, after a look at what
 * would go (--dry-run) or with --yes; without either it says how many and changes nothing (exit 2).
 */
import type { RunSummary } from '../../core/api';
import type { Lab } from '../../core/lab/lab';
import type { Io } from './command';
import { UsageError } from './usage-error';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `90d`, `12h`, `30m`, `2w` → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)([mhdw])$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0)
    throw new UsageError(`--older-than must be a duration such as 30m, 12h, 90d or 2w, got '${text}'`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

export interface BulkDeleteFlags {
  olderThan?: string;
  tag?: string;
  dryRun: boolean;
  yes: boolean;
}

export async function bulkDelete(lab: Lab, flags: BulkDeleteFlags, io: Io, now = Date.now()): Promise<number> {
  const query = {
    ...(flags.olderThan ? { createdBefore: new Date(now - parseDuration(flags.olderThan)).toISOString() } : {}),
    ...(flags.tag ? { tag: [flags.tag] } : {}),
  };
  const matching: RunSummary[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await lab.handlers.listRuns({ ...query, sort: 'createdAt', order: 'asc', limit: 10_000, offset });
    matching.push(...page.runs);
    if (page.runs.length < 10_000) break;
  }
  // A run that trains or waits belongs to a live lab: it is stopped from there, not deleted from here.
  const live = matching.filter((r) => r.status === 'running' || r.status === 'queued');
  const doomed = matching.filter((r) => r.status !== 'running' && r.status !== 'queued');
  const what = [flags.olderThan && `created more than ${flags.olderThan} ago`, flags.tag && `tagged '${flags.tag}'`]
    .filter(Boolean)
    .join(' and ');
  const skipped = live.length ? ` (${live.length} running or queued left alone)` : '';
  if (flags.dryRun) {
    for (const r of doomed) io.out(`${r.id}  ${r.createdAt}  ${r.status}  ${r.name}`);
    io.out(`${doomed.length} run(s) ${what} would be deleted${skipped}`);
    return 0;
  }
  if (!flags.yes) {
    throw new UsageError(
      `gradlab runs delete: this deletes ${doomed.length} run(s) ${what}${skipped}; run again with --yes, or with --dry-run to list them`,
    );
  }
  for (const r of doomed) await lab.handlers.deleteRun({ runId: r.id });
  io.out(`deleted ${doomed.length} run(s) ${what}${skipped}`);
  return 0;
}

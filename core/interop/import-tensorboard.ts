/**
 * `gradlab import tensorboard`: a TensorBoard log directory becomes imported runs in the lab's store. Every
 * file is read and checked before anything is written, and the runs go in as one transaction, so a bad file
 * (named with its byte offset) or a failed write leaves the store as it was.
 */
import path from 'node:path';
import { LabError } from '../api/errors';
import type { ImportSource, RunSummary } from '../api/records';
import type { ImportedRun, LabStore } from '../store';
import { readLogDir, type EventRun } from './read-events';

export interface TensorBoardImportOptions {
  /** Tags to import (all if none); `metric=tag` stores tag as the lab's metric `metric` (e.g. `loss=train/loss`). */
  tags?: readonly string[];
  /** A pattern (regular expression) for the part of a run's name that names its seed, e.g. `seed=\d+`. */
  group?: string;
}

export interface ImportedRunReport {
  run: RunSummary;
  directory: string;
  files: number;
  points: number;
  tags: ImportSource['tags'];
  skipped: Record<string, number>;
  purged: number;
  truncated: { file: string; offset: number }[];
}

interface TagRule {
  tag: string;
  metric: string;
}

function parseTagRules(tags: readonly string[]): TagRule[] | null {
  if (tags.length === 0) return null;
  return tags.map((t) => {
    const eq = t.indexOf('=');
    const rule =
      eq > 0 ? { metric: t.slice(0, eq).trim(), tag: t.slice(eq + 1).trim() } : { metric: t.trim(), tag: t.trim() };
    if (!rule.tag || !rule.metric) throw new LabError('invalid_argument', `--tag "${t}": give a tag, or metric=tag.`);
    return rule;
  });
}

function seedPattern(group: string | undefined): RegExp | null {
  if (group === undefined) return null;
  try {
    return new RegExp(group);
  } catch (e) {
    throw new LabError('invalid_argument', `--group "${group}" is not a regular expression: ${(e as Error).message}`);
  }
}

/** The seed a name carries (the first integer in the matched part) and the name with that part starred. */
function groupOf(run: EventRun, pattern: RegExp | null): { seed: number; key: string } {
  const m = pattern?.exec(run.name);
  if (!m) return { seed: 0, key: `dir:${run.directory}` };
  const digits = /-?\d+/.exec(m[0]);
  return {
    seed: digits ? Number(digits[0]) : 0,
    key: `name:${run.name.slice(0, m.index)}*${run.name.slice(m.index + m[0].length)}`,
  };
}

function toImported(run: EventRun, rules: TagRule[] | null, pattern: RegExp | null, root: string): ImportedRun {
  const chosen = [...run.scalars.entries()].flatMap(([tag, s]) => {
    if (!rules) return [{ tag, metric: tag, s }];
    const rule = rules.find((r) => r.tag === tag);
    return rule ? [{ tag, metric: rule.metric, s }] : [];
  });
  const walls = chosen
    .flatMap(({ s }) => [s.wallTime[0] as number, s.wallTime.at(-1) as number])
    .filter((w) => w !== undefined);
  const t0 = walls.length ? Math.min(...walls) : 0;
  const t1 = walls.length ? Math.max(...walls) : 0;
  const name =
    run.name === '.'
      ? root
          .replace(/[/\\]+$/, '')
          .split(/[/\\]/)
          .pop() || run.name
      : run.name;
  const { seed, key } = groupOf({ ...run, name }, pattern);
  return {
    name,
    seed,
    groupKey: key,
    startedAt: new Date(t0 * 1000).toISOString(),
    endedAt: new Date(t1 * 1000).toISOString(),
    source: {
      kind: 'tensorboard',
      directory: run.directory,
      files: run.files,
      tags: chosen.map(({ tag, metric, s }) => ({ tag, metric, points: s.step.length })),
      skipped: run.skipped,
      hparams: run.hparams,
    },
    series: chosen.map(({ metric, s }) => ({
      metric,
      step: s.step,
      value: s.value,
      wallMs: s.wallTime.map((w) => (w - t0) * 1000),
    })),
  };
}

export interface TensorBoardImportReport {
  runs: ImportedRunReport[];
  /** Directories whose event files hold no scalars (e.g. the HParams experiment at the top of a log directory). */
  withoutScalars: string[];
}

export function importTensorBoard(
  store: LabStore,
  root: string,
  options: TensorBoardImportOptions = {},
): TensorBoardImportReport {
  const rules = parseTagRules(options.tags ?? []);
  const pattern = seedPattern(options.group);
  root = path.resolve(root);
  const all = readLogDir(root);
  const runs = all.filter((r) => r.scalars.size > 0);
  const withoutScalars = all.filter((r) => r.scalars.size === 0).map((r) => r.name);
  if (runs.length === 0)
    throw new LabError(
      'not_found',
      `The event files under ${root} hold no scalars (only ${[...new Set(all.flatMap((r) => Object.keys(r.skipped)))].join(', ') || 'metadata'}); nothing to import.`,
    );
  if (rules) {
    const found = new Set(runs.flatMap((r) => [...r.scalars.keys()]));
    const missing = rules.filter((r) => !found.has(r.tag));
    if (missing.length) {
      throw new LabError(
        'not_found',
        `No scalars tagged ${missing.map((r) => `"${r.tag}"`).join(', ')} under ${root}; the tags there are: ${[...found].sort().join(', ') || 'none'}.`,
      );
    }
  }
  const items = runs.map((r) => toImported(r, rules, pattern, root));
  const stored = store.importRuns(items);
  const reports = stored.map((run, i) => {
    const r = runs[i] as EventRun;
    const item = items[i] as ImportedRun;
    return {
      run,
      directory: r.directory,
      files: r.files.length,
      points: item.series.reduce((n, s) => n + s.step.length, 0),
      tags: item.source.tags,
      skipped: r.skipped,
      purged: r.purged,
      truncated: r.truncated,
    };
  });
  return { runs: reports, withoutScalars };
}

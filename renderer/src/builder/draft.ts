/**
 * The builder's draft: an experiment spec as the user is writing it. It is the spec's *input* form (a field left
 * out takes the host's default) and may hold values the host will refuse (text typed into a number field), so
 * the host's validateSpec, not the page, decides what is valid. Updates are immutable path writes.
 */
import type { ExperimentSpec, ExperimentSpecInput } from '../../../core/api';

export type Draft = ExperimentSpecInput;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (!isObj(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** A copy of `draft` with `path` set to `value`; `undefined` removes the key (the host's default applies). */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const keys = path.split('.');
  const write = (node: unknown, i: number): Obj => {
    const copy: Obj = isObj(node) ? { ...node } : {};
    const key = keys[i] as string;
    if (i === keys.length - 1) {
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    } else {
      copy[key] = write(copy[key], i + 1);
    }
    return copy;
  };
  return write(draft, 0) as Draft;
}

/**
 * What a field shows: the draft's own value, else the host's last normalised spec (defaults filled in). The
 * fallback is skipped for task fields once the task kind changed, so a copy task never shows the adding default.
 */
export function shownValue(draft: Draft, normalised: ExperimentSpec | null, path: string): unknown {
  const own = getAt(draft, path);
  if (own !== undefined || !normalised) return own;
  const kind = getAt(draft, 'task.kind');
  if (path.startsWith('task.') && kind !== undefined && kind !== normalised.task.kind) return undefined;
  return getAt(normalised, path);
}

/** The blocks of the canvas; the inspector shows the fields of the selected one. */
export type Section = 'task' | 'model' | 'train' | 'clip' | 'probe' | 'run';

export function sectionOf(path: string): Section {
  if (path.startsWith('task')) return 'task';
  if (path.startsWith('model')) return 'model';
  if (path.startsWith('train.clip')) return 'clip';
  if (path.startsWith('train')) return 'train';
  if (path.startsWith('probe')) return 'probe';
  return 'run';
}

/** The catalog key of each block's title. */
export const SECTION_TITLE_KEYS = {
  task: 'section.task',
  model: 'section.model',
  train: 'section.train',
  clip: 'section.clip',
  probe: 'section.probe',
  run: 'section.run',
} as const satisfies Record<Section, string>;

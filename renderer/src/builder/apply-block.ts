/** What dropping a palette block does to the draft (the mapping is documented in blocks.ts). Pure, so it is easy to test. */
import type { ExperimentSpec, TaskKind } from '../../../core/api';
import type { Block } from './blocks';
import { CELL_NAMES, nameOf } from './names';
import { getAt, setAt, shownValue, type Draft, type Section } from './draft';

/**
 * Where a block was dropped: on one layer, on one of the two cell targets a cell drag shows (replace the cell
 * of the stack, add a layer), or anywhere else on the Model canvas (blocks other than cells).
 */
export type DropTarget =
  { type: 'layer'; index: number } | { type: 'replace-cell' } | { type: 'add-layer' } | { type: 'canvas' };

/** A cell lands on one of these; a newcomer who drops an LSTM on the middle of the canvas means "make it an LSTM". */
const addsLayer = (target: DropTarget) => target.type === 'add-layer';

/** Which canvas block the inspector shows (a layer index for the model's layers). */
export type Selection = { section: Section; layer?: number };

export interface Applied {
  draft: Draft;
  /** Shown beside the canvas when the drop changed more than the user may expect. */
  note: string | null;
  select: Selection;
}

/** "an LSTM", "an RNN", "a GRU": by how the name is said, not spelt. */
const withArticle = (label: string) => `${/^(LSTM|RNN|[AEIOU])/.test(label) ? 'an' : 'a'} ${label}`;

const TASKS_WITH_SEQLEN: readonly TaskKind[] = ['adding', 'copy', 'latch', 'sine', 'csv'];

export function layerCount(draft: Draft, normalised: ExperimentSpec | null): number {
  const n = Number(shownValue(draft, normalised, 'model.layers'));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** What the drop will do, in words: the drag overlay and the screen-reader announcement say it before the drop. */
export function describeDrop(
  block: Block,
  target: DropTarget | null,
  draft: Draft,
  normalised: ExperimentSpec | null,
): string {
  if (!target)
    return block.kind === 'cell'
      ? `Drop on “Replace the cell” or “Add a layer” to use ${block.label}`
      : `Drop on the Model canvas to use ${block.label}`;
  switch (block.kind) {
    case 'cell': {
      const same = shownValue(draft, normalised, 'model.cell') === block.value;
      if (addsLayer(target)) return `Add ${withArticle(block.label)} layer`;
      if (same)
        return target.type === 'layer'
          ? `Layer ${target.index + 1} is already ${block.label}`
          : `The layers are already ${block.label}`;
      return `Make every layer ${block.label}`;
    }
    case 'activation':
      return `Use ${block.label} in every layer`;
    case 'init':
      return `Initialise recurrent weights: ${block.label}`;
    case 'clip':
      return `Train with ${block.label.toLowerCase()}`;
    case 'optimizer':
      return `Train with ${block.label}`;
    case 'task':
      return `Set the task: ${block.label}`;
  }
}

export function applyBlock(draft: Draft, normalised: ExperimentSpec | null, block: Block, target: DropTarget): Applied {
  const layers = layerCount(draft, normalised);
  const focusLayer = target.type === 'layer' ? target.index : 0;
  switch (block.kind) {
    case 'cell': {
      const before = shownValue(draft, normalised, 'model.cell');
      const switched = before !== block.value;
      const was = nameOf(CELL_NAMES, before);
      if (!addsLayer(target)) {
        return {
          draft: setAt(draft, 'model.cell', block.value),
          note:
            switched && layers > 1
              ? `All ${layers} layers are now ${block.label} (were ${was}): the spec has one cell type for every layer.`
              : null,
          select: { section: 'model', layer: focusLayer },
        };
      }
      const next = setAt(setAt(draft, 'model.cell', block.value), 'model.layers', layers + 1);
      return {
        draft: next,
        note: switched
          ? `Added ${withArticle(block.label)} layer, and the ${layers === 1 ? 'existing layer' : `${layers} existing layers`} switched from ${was} to ${block.label}: the spec has one cell type for every layer.`
          : null,
        select: { section: 'model', layer: layers },
      };
    }
    case 'activation':
      return {
        draft: setAt(draft, 'model.activation', block.value),
        note: layers > 1 ? `${block.label} applies to all ${layers} layers.` : null,
        select: { section: 'model', layer: focusLayer },
      };
    case 'init':
      return {
        draft: setAt(draft, 'model.init.recurrent', block.value),
        note: layers > 1 ? `${block.label} initialises the recurrent weights of all ${layers} layers.` : null,
        select: { section: 'model', layer: focusLayer },
      };
    case 'clip':
      return { draft: setAt(draft, 'train.clip.mode', block.value), note: null, select: { section: 'clip' } };
    case 'optimizer':
      return { draft: setAt(draft, 'train.optimizer', block.value), note: null, select: { section: 'train' } };
    case 'task': {
      // A new task starts from the host's defaults; a sequence length the user chose carries over.
      const seqLen = getAt(draft, 'task.seqLen');
      const keep = seqLen !== undefined && TASKS_WITH_SEQLEN.includes(block.value);
      const taskDraft = keep ? { kind: block.value, seqLen } : { kind: block.value };
      return { draft: { ...draft, task: taskDraft } as Draft, note: null, select: { section: 'task' } };
    }
  }
}

/**
 * The stack a cell drop would leave, shown on the two cell targets before the drop: "2 × LSTM (now 1 × RNN)".
 * Computed by applyBlock itself, so the preview cannot say something the drop does not do.
 */
export function dropOutcome(block: Block, target: DropTarget, draft: Draft, normalised: ExperimentSpec | null): string {
  const stack = (d: Draft, n: ExperimentSpec | null) =>
    `${layerCount(d, n)} × ${nameOf(CELL_NAMES, shownValue(d, n, 'model.cell'))}`;
  const after = applyBlock(draft, normalised, block, target).draft;
  // The normalised spec still describes the draft before the drop; the values the drop sets are in `after`.
  const next = stack(after, normalised);
  const now = stack(draft, normalised);
  return next === now ? `unchanged: ${now}` : `${next} (now ${now})`;
}

/** Removing a layer decrements model.layers; the spec needs at least one. */
export function removeLayer(draft: Draft, normalised: ExperimentSpec | null): Draft {
  const layers = layerCount(draft, normalised);
  return layers > 1 ? setAt(draft, 'model.layers', layers - 1) : draft;
}

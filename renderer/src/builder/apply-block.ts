/** What dropping a palette block does to the draft (the mapping is documented in blocks.ts). Pure, so it is easy to test. */
import type { ExperimentSpec, TaskKind } from '../../../core/api';
import type { Block } from './blocks';
import { CELL_NAMES, nameOf, tb } from './names';
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

/** English's article before a name, by how the name is said, not spelt ("an LSTM", "an RNN", "a GRU"). */
const article = (label: string) => (/^(LSTM|RNN|[AEIOU])/.test(label) ? 'an' : 'a');

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
      ? tb('drop.cellNoTarget', { block: block.label })
      : tb('drop.noTarget', { block: block.label });
  switch (block.kind) {
    case 'cell': {
      const same = shownValue(draft, normalised, 'model.cell') === block.value;
      if (addsLayer(target)) return tb('drop.addLayer', { article: article(block.label), block: block.label });
      if (same)
        return target.type === 'layer'
          ? tb('drop.layerAlready', { n: target.index + 1, block: block.label })
          : tb('drop.layersAlready', { block: block.label });
      return tb('drop.everyLayer', { block: block.label });
    }
    case 'activation':
      return tb('drop.activation', { block: block.label });
    case 'init':
      return tb('drop.init', { block: block.label });
    case 'clip':
      // English reads "Train with clip by norm"; the catalog says it in each language's own order.
      return tb('drop.clip', { block: block.label.toLowerCase() });
    case 'optimizer':
      return tb('drop.optimizer', { block: block.label });
    case 'task':
      return tb('drop.task', { block: block.label });
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
          note: switched && layers > 1 ? tb('note.allLayers', { layers, block: block.label, was }) : null,
          select: { section: 'model', layer: focusLayer },
        };
      }
      const next = setAt(setAt(draft, 'model.cell', block.value), 'model.layers', layers + 1);
      return {
        draft: next,
        note: switched ? tb('note.added', { article: article(block.label), block: block.label, layers, was }) : null,
        select: { section: 'model', layer: layers },
      };
    }
    case 'activation':
      return {
        draft: setAt(draft, 'model.activation', block.value),
        note: layers > 1 ? tb('note.activation', { block: block.label, layers }) : null,
        select: { section: 'model', layer: focusLayer },
      };
    case 'init':
      return {
        draft: setAt(draft, 'model.init.recurrent', block.value),
        note: layers > 1 ? tb('note.init', { block: block.label, layers }) : null,
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
  return next === now ? tb('outcome.unchanged', { now }) : tb('outcome.changed', { next, now });
}

/**
 * The selection as the stack now is: a layer index past the last layer (after Undo took a layer away, or the
 * Layers field was lowered) points at the last layer, so the inspector never reads "Layer 2 of 1".
 */
export function selectionWithin(selection: Selection, layers: number): Selection {
  if (selection.layer === undefined || selection.layer < layers) return selection;
  return { ...selection, layer: Math.max(0, layers - 1) };
}

/** Removing a layer decrements model.layers; the spec needs at least one. */
export function removeLayer(draft: Draft, normalised: ExperimentSpec | null): Draft {
  const layers = layerCount(draft, normalised);
  return layers > 1 ? setAt(draft, 'model.layers', layers - 1) : draft;
}

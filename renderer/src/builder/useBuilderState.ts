/**
 * The builder's state in one place: the draft and its undo history, the selected block, the canvas note,
 * the layers' identities (for reordering) and the sweep grid, with the host's validation of the draft.
 */
import { tb } from './names';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentSpec } from '../../../core/api';
import { applyBlock, layerCount, removeLayer, selectionWithin, type DropTarget, type Selection } from './apply-block';
import { BLOCKS, type Block } from './blocks';
import { getAt, setAt, type Draft } from './draft';
import type { Preset } from './presets';
import type { Grid } from './sweep-grid';
import { useSpecValidation } from './useSpecValidation';

/** Beyond the schema's limit the host flags the Layers field; the canvas stops drawing blocks well before the page suffers. */
const MAX_DRAWN_LAYERS = 32;
const UNDO_DEPTH = 50;

export function useBuilderState() {
  // `{}` is a valid spec: every field takes the host's default, which the first validation fills in.
  const [draft, setDraft] = useState<Draft>({});
  const [history, setHistory] = useState<Draft[]>([]);
  const [selection, setSelection] = useState<Selection>({ section: 'model', layer: 0 });
  const [note, setNote] = useState<string | null>(null);
  const [grid, setGrid] = useState<Grid>({});
  const { validation, validateNow } = useSpecValidation(draft);
  const normalised: ExperimentSpec | null = validation.spec ?? validation.lastGood;
  const layers = Math.min(layerCount(draft, normalised), MAX_DRAWN_LAYERS);

  // Layers are identical in the spec, but each block keeps an identity so a reorder animates and a removal
  // takes away the block the user pointed at.
  const nextId = useRef(1);
  const [layerIds, setLayerIds] = useState<string[]>(() => [`layer-${nextId.current++}`]);
  useEffect(() => {
    setLayerIds((ids) => {
      if (ids.length === layers) return ids;
      if (ids.length > layers) return ids.slice(0, layers);
      const more = Array.from({ length: layers - ids.length }, () => `layer-${nextId.current++}`);
      return [...ids, ...more];
    });
  }, [layers]);

  /** A change worth undoing (drops, presets, imports, removals); typing in a field is undone by the field. */
  const commit = useCallback((next: Draft, prev: Draft) => {
    setHistory((h) => [...h.slice(-(UNDO_DEPTH - 1)), prev]);
    setDraft(next);
  }, []);

  const drop = (block: Block, target: DropTarget) => {
    const r = applyBlock(draft, normalised, block, target);
    commit(r.draft, draft);
    setSelection(r.select);
    setNote(r.note);
  };

  const removeLayerAt = (index: number) => {
    if (layers <= 1) return;
    setLayerIds((ids) => ids.filter((_, i) => i !== index));
    commit(removeLayer(draft, normalised), draft);
    setSelection({ section: 'model', layer: Math.max(0, Math.min(index, layers - 2)) });
    setNote(null);
  };

  const moveLayer = (from: number, to: number) => {
    setLayerIds((ids) => {
      const next = [...ids];
      const [moved] = next.splice(from, 1);
      if (moved !== undefined) next.splice(to, 0, moved);
      return next;
    });
    setSelection({ section: 'model', layer: to });
  };

  const setField = (path: string, value: unknown) => {
    if (path === 'task.kind') {
      // Choosing the task in the inspector is the same as dropping its block: the task's fields reset.
      const block = BLOCKS.find((b) => b.kind === 'task' && b.value === value);
      if (block) commit(applyBlock(draft, normalised, block, { type: 'canvas' }).draft, draft);
      return;
    }
    setDraft((d) => {
      // The task is a union keyed by its kind: a task field written without the kind would be an invalid task.
      const seeded =
        path.startsWith('task.') && getAt(d, 'task.kind') === undefined && normalised
          ? setAt(d, 'task.kind', normalised.task.kind)
          : d;
      return setAt(seeded, path, value);
    });
  };

  const loadPreset = (p: Preset) => {
    commit(structuredClone(p.base), draft);
    setGrid(p.grid ? structuredClone(p.grid) : {});
    setSelection({ section: 'model', layer: 0 });
    setNote(p.grid ? tb('note.presetSweep', { title: p.title }) : tb('note.preset', { title: p.title }));
  };

  const importSpec = (spec: ExperimentSpec) => {
    commit(spec, draft);
    setNote(tb('note.imported'));
  };

  const undo = () => {
    const prev = history.at(-1);
    if (prev === undefined) return;
    setHistory((h) => h.slice(0, -1));
    setDraft(prev);
    setNote(null);
  };

  return {
    draft,
    normalised,
    validation,
    validateNow,
    // Clamped when read: every change of the layer count (Undo, the Layers field, a preset) is covered at once.
    selection: selectionWithin(selection, layers),
    setSelection,
    note,
    setNote,
    grid,
    setGrid,
    layers,
    layerIds,
    canUndo: history.length > 0,
    drop,
    removeLayerAt,
    moveLayer,
    setField,
    loadPreset,
    importSpec,
    undo,
  };
}

export type BuilderState = ReturnType<typeof useBuilderState>;

import { describe, expect, it } from 'vitest';
import {
  applyBlock,
  describeDrop,
  dropOutcome,
  removeLayer,
  selectionWithin,
} from '../../../renderer/src/builder/apply-block';
import { accepts, dropTargetOf, type TargetData } from '../../../renderer/src/builder/dnd';
import { BLOCKS, type Block } from '../../../renderer/src/builder/blocks';
import type { Draft } from '../../../renderer/src/builder/draft';
import type { ExperimentSpec } from '../../../core/api';
import { ExperimentSpecSchema } from '../../../core/api/spec';

const defaults: ExperimentSpec = ExperimentSpecSchema.parse({});
const block = (label: string): Block => {
  const b = BLOCKS.find((x) => x.label === label);
  if (!b) throw new Error(`no block ${label}`);
  return b;
};

describe('applyBlock', () => {
  it('adds a layer when a cell lands on the add-a-layer target, switching every layer and saying so', () => {
    const r = applyBlock({}, defaults, block('GRU'), { type: 'add-layer' });
    expect(r.draft.model).toMatchObject({ cell: 'gru', layers: 2 });
    expect(r.note).toMatch(/switched from RNN to GRU/);
    expect(r.select).toEqual({ section: 'model', layer: 1 });
  });

  it('replaces the cell, never adding a layer, on the replace target (and mid-canvas, were a cell to land there)', () => {
    for (const target of [{ type: 'replace-cell' }, { type: 'canvas' }] as const) {
      const r = applyBlock({ model: { layers: 2 } }, defaults, block('LSTM'), target);
      expect(r.draft.model).toMatchObject({ cell: 'lstm', layers: 2 });
    }
  });

  it('switches the cell without adding a layer when dropped on a layer', () => {
    const r = applyBlock({ model: { layers: 3 } }, defaults, block('LSTM'), { type: 'layer', index: 1 });
    expect(r.draft.model).toMatchObject({ cell: 'lstm', layers: 3 });
    expect(r.note).toMatch(/All 3 layers are now LSTM/);
  });

  it('maps every palette block onto its spec field', () => {
    const apply = (label: string) => applyBlock({}, defaults, block(label), { type: 'canvas' }).draft;
    expect(apply('He').model?.init?.recurrent).toBe('he_normal');
    expect(apply('Xavier').model?.init?.recurrent).toBe('xavier_uniform');
    expect(apply('LeakyReLU').model?.activation).toBe('leaky_relu');
    expect(apply('Clip by value').train?.clip?.mode).toBe('value');
    expect(apply('RMSprop').train?.optimizer).toBe('rmsprop');
    expect(apply('Sequential MNIST').task).toEqual({ kind: 'smnist' });
    // Every result is a spec the host's schema accepts (CSV needs its path first).
    for (const b of BLOCKS.filter((x) => x.value !== 'csv')) {
      expect(
        ExperimentSpecSchema.safeParse(applyBlock({}, defaults, b, { type: 'canvas' }).draft).success,
        b.label,
      ).toBe(true);
    }
  });

  it('carries a chosen sequence length to a task that has one, not to one that has none', () => {
    const draft: Draft = { task: { kind: 'adding', seqLen: 20 } };
    expect(applyBlock(draft, defaults, block('Latch'), { type: 'canvas' }).draft.task).toEqual({
      kind: 'latch',
      seqLen: 20,
    });
    expect(applyBlock(draft, defaults, block('Sequential MNIST'), { type: 'canvas' }).draft.task).toEqual({
      kind: 'smnist',
    });
  });

  it('keeps at least one layer', () => {
    expect(removeLayer({ model: { layers: 2 } }, defaults).model?.layers).toBe(1);
    expect(removeLayer({}, defaults)).toEqual({});
  });

  it('says what a drop will do before it happens', () => {
    expect(describeDrop(block('LSTM'), { type: 'add-layer' }, {}, defaults)).toBe('Add an LSTM layer');
    expect(describeDrop(block('LSTM'), { type: 'replace-cell' }, {}, defaults)).toBe('Make every layer LSTM');
    expect(describeDrop(block('RNN'), { type: 'replace-cell' }, {}, defaults)).toBe('The layers are already RNN');
    expect(describeDrop(block('LSTM'), null, {}, defaults)).toMatch(/“Replace the cell” or “Add a layer”/);
    expect(describeDrop(block('GRU'), { type: 'layer', index: 0 }, {}, defaults)).toBe('Make every layer GRU');
    expect(describeDrop(block('Adam'), null, {}, defaults)).toMatch(/Drop on the Model canvas/);
  });

  it("previews each cell target's outcome with applyBlock's own result", () => {
    const two: Draft = { model: { layers: 2 } };
    expect(dropOutcome(block('LSTM'), { type: 'replace-cell' }, two, defaults)).toBe('2 × LSTM (now 2 × RNN)');
    expect(dropOutcome(block('LSTM'), { type: 'add-layer' }, two, defaults)).toBe('3 × LSTM (now 2 × RNN)');
    expect(dropOutcome(block('RNN'), { type: 'replace-cell' }, two, defaults)).toBe('unchanged: 2 × RNN');
  });
});

describe('drop targets for a cell', () => {
  const drag = { type: 'palette' as const, block: block('LSTM') };
  const canvas: TargetData = { type: 'canvas', label: 'the Model canvas', leaf: false, accepts: [] };
  const replace: TargetData = { type: 'canvas', label: 'replace', leaf: true, accepts: ['cell'], drop: 'replace-cell' };
  const add: TargetData = { type: 'canvas', label: 'add', leaf: true, accepts: ['cell'], drop: 'add-layer' };
  const layer: TargetData = { type: 'layer', index: 0, label: 'Layer 1' };

  it('are the two explicit targets only: not the canvas as a whole, not a layer under the replace target', () => {
    expect([canvas, replace, add, layer].map((t) => accepts(t, drag))).toEqual([false, true, true, false]);
    // Other blocks still land anywhere on the canvas, and activations on a layer.
    expect(accepts(canvas, { type: 'palette', block: block('Adam') })).toBe(true);
    expect(accepts(layer, { type: 'palette', block: block('ReLU') })).toBe(true);
  });

  it('map to the drop that applyBlock performs', () => {
    const over = (data: TargetData) => ({
      id: 'x',
      rect: { width: 1, height: 1, top: 0, left: 0, bottom: 1, right: 1 },
      disabled: false,
      data: { current: data },
    });
    expect(dropTargetOf(over(replace))).toEqual({ type: 'replace-cell' });
    expect(dropTargetOf(over(add))).toEqual({ type: 'add-layer' });
    expect(dropTargetOf(over(canvas))).toEqual({ type: 'canvas' });
  });
});

describe('the selection after the stack shrinks', () => {
  it('points at the last layer when Undo takes the selected one away (never "Layer 2 of 1")', () => {
    // Add a layer (it is selected), then undo: the draft has one layer again, the selection still says layer 2.
    const added = applyBlock({}, defaults, block('RNN'), { type: 'add-layer' });
    expect(added.select).toEqual({ section: 'model', layer: 1 });
    const layersAfterUndo = 1;
    expect(selectionWithin(added.select, layersAfterUndo)).toEqual({ section: 'model', layer: 0 });
  });

  it('leaves a selection inside the stack, and other blocks, as they are', () => {
    const sel = { section: 'model' as const, layer: 1 };
    expect(selectionWithin(sel, 3)).toBe(sel);
    expect(selectionWithin({ section: 'train' }, 1)).toEqual({ section: 'train' });
  });
});

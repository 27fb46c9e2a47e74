import { describe, expect, it } from 'vitest';
import { applyBlock, describeDrop, removeLayer } from '../../../renderer/src/builder/apply-block';
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
  it('adds a layer when a cell lands on the canvas, switching every layer and saying so', () => {
    const r = applyBlock({}, defaults, block('GRU'), { type: 'canvas' });
    expect(r.draft.model).toMatchObject({ cell: 'gru', layers: 2 });
    expect(r.note).toMatch(/switched from RNN to GRU/);
    expect(r.select).toEqual({ section: 'model', layer: 1 });
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
      expect(ExperimentSpecSchema.safeParse(applyBlock({}, defaults, b, { type: 'canvas' }).draft).success, b.label).toBe(true);
    }
  });

  it('carries a chosen sequence length to a task that has one, not to one that has none', () => {
    const draft: Draft = { task: { kind: 'adding', seqLen: 20 } };
    expect(applyBlock(draft, defaults, block('Latch'), { type: 'canvas' }).draft.task).toEqual({ kind: 'latch', seqLen: 20 });
    expect(applyBlock(draft, defaults, block('Sequential MNIST'), { type: 'canvas' }).draft.task).toEqual({ kind: 'smnist' });
  });

  it('keeps at least one layer', () => {
    expect(removeLayer({ model: { layers: 2 } }, defaults).model?.layers).toBe(1);
    expect(removeLayer({}, defaults)).toEqual({});
  });

  it('says what a drop will do before it happens', () => {
    expect(describeDrop(block('LSTM'), { type: 'canvas' }, {}, defaults)).toBe('Add an LSTM layer');
    expect(describeDrop(block('GRU'), { type: 'layer', index: 0 }, {}, defaults)).toBe('Make every layer GRU');
    expect(describeDrop(block('Adam'), null, {}, defaults)).toMatch(/Drop on the Model canvas/);
  });
});

/** `gradlab probe`'s function: the engine's numbers on given weights, and errors that name the bad field. */
import { beforeAll, describe, expect, it } from 'vitest';
import { probeFromFiles } from '../../../core/engine/probe-cli';
import { LabError } from '../../../core/api/errors';
import { refGradients, refNorm } from './reference/bptt';
import { makeCase, relErr, maxElemRelErr } from './fixtures';
import { G, type RefModel, type RefParams, type RefBatch } from './reference/model';
import { useBackend } from './setup';

const nest = (a: Float64Array, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from(a.slice(r * cols, (r + 1) * cols)));

function files(m: RefModel, p: RefParams, b: RefBatch) {
  const GH = G[m.cell] * m.H;
  const config = JSON.stringify({ model: { cell: m.cell, activation: m.act, layers: m.layers, hidden: m.H } });
  const weights = JSON.stringify({
    layers: p.layers.map((L, l) => ({
      Wx: nest(L.Wx, l === 0 ? m.inSize : m.H, GH),
      Wh: nest(L.Wh, m.H, GH),
      bx: Array.from(L.bx),
      bh: Array.from(L.bh),
    })),
    readout: { W: nest(p.W, m.H, m.outSize), b: Array.from(p.b) },
  });
  const x = Array.from({ length: b.T }, (_, t) =>
    nest(b.x.slice(t * b.B * m.inSize, (t + 1) * b.B * m.inSize), b.B, m.inSize),
  );
  const y =
    b.loss === 'mse_last' ? nest(b.y, b.B, m.outSize) : b.loss === 'xent_last' ? Array.from(b.y) : nest(b.y, b.T, b.B);
  return { config, weights, batch: JSON.stringify({ x, target: { kind: b.loss, y } }) };
}

describe('probeFromFiles', () => {
  beforeAll(async () => {
    await useBackend();
  });

  for (const loss of ['mse_last', 'xent_last', 'xent_all'] as const) {
    it(`matches the reference (2-layer GRU, ${loss})`, async () => {
      const c = makeCase({ cell: 'gru', act: 'tanh', layers: 2, loss, T: 5, B: 2, H: 4 });
      const f = files(c.m, c.p, c.batch);
      const r = await probeFromFiles(f.config, f.weights, f.batch);
      const ref = refGradients(c.m, c.p, c.batch);
      expect(Math.abs(r.loss - ref.loss) / ref.loss).toBeLessThan(1e-5);
      expect(r.hiddenGradNorms).toHaveLength(2);
      r.hiddenGradNorms.forEach((layer, l) => expect(maxElemRelErr(layer, ref.dH[l]!.map(refNorm))).toBeLessThan(1e-4));
      expect(relErr(r.paramGrads.layers[1]!.Wh.flat(), ref.layers[1]!.Wh)).toBeLessThan(1e-4);
      expect(relErr(r.paramGrads.layers[0]!.Wx.flat(), ref.layers[0]!.Wx)).toBeLessThan(1e-4);
      expect(relErr(r.paramGrads.readout.W.flat(), ref.W)).toBeLessThan(1e-4);
      expect(relErr(r.paramGrads.readout.b, ref.b)).toBeLessThan(1e-4);
    });
  }

  it('names the malformed field', async () => {
    const c = makeCase({ cell: 'lstm', act: 'tanh', layers: 1, loss: 'mse_last', T: 3, B: 2, H: 4 });
    const f = files(c.m, c.p, c.batch);
    const w = JSON.parse(f.weights) as { layers: { Wh: number[][] }[] };
    w.layers[0]!.Wh.pop();
    await expect(probeFromFiles(f.config, JSON.stringify(w), f.batch)).rejects.toThrow(
      /weights\.layers\[0\]\.Wh: expected 4 rows \(model\.hidden\), got 3/,
    );
    await expect(
      probeFromFiles(
        f.config,
        f.weights,
        '{"x": [[[1,2,3],[1,2,3]], [[1,2,3]]], "target": {"kind": "mse_last", "y": [[1, 2, 3], [0, 0, 0]]}}',
      ),
    ).rejects.toThrow(/batch\.x\[1\]: expected 2 entries \(batch size\), got 1/);
    await expect(probeFromFiles(f.config, f.weights, '{"x": ')).rejects.toThrow(/Invalid batch: not valid JSON/);
    await expect(probeFromFiles('{"model": {"cell": "tree"}}', f.weights, f.batch)).rejects.toThrow(
      /config\.model\.cell/,
    );
    await expect(
      probeFromFiles(
        f.config,
        f.weights,
        JSON.stringify({
          x: [
            [
              [0, 0, 0],
              [0, 0, 0],
            ],
          ],
          target: {
            kind: 'mse_last',
            y: [
              [1, 'a', 3],
              [0, 0, 0],
            ],
          },
        }),
      ),
    ).rejects.toThrow(/batch\.target\.y\.0\.1/);
    const err = await probeFromFiles(f.config, JSON.stringify(w), f.batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabError);
    expect((err as LabError).issues[0]!.path).toBe('weights.layers[0].Wh');
  });
});

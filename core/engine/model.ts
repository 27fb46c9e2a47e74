/**
 * Parameters: creation from the spec (seeded, on the host, so a seed means the same weights on every
 * backend), the canonical naming `layer0.Wx … readout.b`, and conversion to and from host arrays.
 * Weight layout: Wx [in, G·H], Wh [H, G·H], bx [G·H], bh [G·H] with gate blocks side by side.
 */
import type { Activation, Cell, ModelSpec } from '../api/spec';
import { tf, type Tensor, type Tensor1D, type Tensor2D } from './tf';
import { cell as cellDef } from './cells';
import { initialiser } from './initialisers';
import { createRng } from './rng';
import { spectralRadiusHost } from './metrics/spectral';

export interface LayerParams {
  Wx: Tensor2D;
  Wh: Tensor2D;
  bx: Tensor1D;
  bh: Tensor1D;
}

export interface Params {
  layers: LayerParams[];
  readout: { W: Tensor2D; b: Tensor1D };
}

/** Everything about the network's shape and function that the forward and backward passes need. */
export interface ModelShape {
  cell: Cell;
  activation: Activation;
  layers: number;
  hidden: number;
  inputSize: number;
  outputSize: number;
}

export const LAYER_KEYS = ['Wx', 'Wh', 'bx', 'bh'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export interface HostTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

export function shapeOf(
  model: Pick<ModelSpec, 'cell' | 'activation' | 'layers' | 'hidden'>,
  inputSize: number,
  outputSize: number,
): ModelShape {
  return {
    cell: model.cell,
    activation: model.activation,
    layers: model.layers,
    hidden: model.hidden,
    inputSize,
    outputSize,
  };
}

/** Expected shape of every parameter, in canonical order. */
export function paramShapes(m: ModelShape): { name: string; shape: number[] }[] {
  const GH = cellDef(m.cell).gates * m.hidden;
  const out: { name: string; shape: number[] }[] = [];
  for (let l = 0; l < m.layers; l++) {
    const inSize = l === 0 ? m.inputSize : m.hidden;
    out.push({ name: `layer${l}.Wx`, shape: [inSize, GH] }, { name: `layer${l}.Wh`, shape: [m.hidden, GH] });
    out.push({ name: `layer${l}.bx`, shape: [GH] }, { name: `layer${l}.bh`, shape: [GH] });
  }
  out.push({ name: 'readout.W', shape: [m.hidden, m.outputSize] }, { name: 'readout.b', shape: [m.outputSize] });
  return out;
}

/** The parameters as a flat list in canonical order (the order of paramShapes). */
export function paramList(p: Params): Tensor[] {
  return [...p.layers.flatMap((l) => [l.Wx, l.Wh, l.bx, l.bh]), p.readout.W, p.readout.b];
}

export function paramsFromList(m: ModelShape, list: Tensor[]): Params {
  if (list.length !== m.layers * 4 + 2)
    throw new Error(`Expected ${m.layers * 4 + 2} parameter tensors, got ${list.length}`);
  const layers: LayerParams[] = [];
  for (let l = 0; l < m.layers; l++) {
    const [Wx, Wh, bx, bh] = list.slice(l * 4, l * 4 + 4) as [Tensor2D, Tensor2D, Tensor1D, Tensor1D];
    layers.push({ Wx, Wh, bx, bh });
  }
  return { layers, readout: { W: list[m.layers * 4] as Tensor2D, b: list[m.layers * 4 + 1] as Tensor1D } };
}

export function disposeParams(p: Params): void {
  tf.dispose(paramList(p));
}

export function paramsFromHost(m: ModelShape, host: HostTensor[]): Params {
  const shapes = paramShapes(m);
  if (host.length !== shapes.length) throw new Error(`Expected ${shapes.length} parameter arrays, got ${host.length}`);
  return paramsFromList(
    m,
    shapes.map((s, i) => {
      const h = host[i]!;
      const n = s.shape.reduce((a, b) => a * b, 1);
      if (h.data.length !== n)
        throw new Error(`${s.name}: expected ${n} values (shape ${s.shape.join('×')}), got ${h.data.length}`);
      return tf.tensor(h.data, s.shape);
    }),
  );
}

export async function paramsToHost(m: ModelShape, p: Params): Promise<HostTensor[]> {
  const shapes = paramShapes(m);
  const list = paramList(p);
  return Promise.all(
    list.map(async (t, i) => ({
      name: shapes[i]!.name,
      shape: shapes[i]!.shape,
      data: (await t.data()) as Float32Array,
    })),
  );
}

/** Initialises one gate-blocked matrix [rows, G·H], block by block. */
function blocked(rows: number, H: number, G: number, fill: (rows: number, cols: number) => Float64Array): Float64Array {
  const out = new Float64Array(rows * G * H);
  for (let g = 0; g < G; g++) {
    const block = fill(rows, H);
    for (let r = 0; r < rows; r++) for (let c = 0; c < H; c++) out[r * G * H + g * H + c] = block[r * H + c]!;
  }
  return out;
}

/**
 * Fresh parameters for a model spec. Seeded streams: each layer and matrix draws from its own stream, so
 * changing one initialiser does not reshuffle the others. Biases start at 0, the LSTM forget bias at
 * spec.forgetBias; the readout is Xavier-uniform.
 */
export function createParams(spec: ModelSpec, inputSize: number, outputSize: number, seed: number): Params {
  const m = shapeOf(spec, inputSize, outputSize);
  const c = cellDef(m.cell);
  const G = c.gates;
  const H = m.hidden;
  const { input, recurrent, gain, std, spectralRadius } = spec.init;
  const host: HostTensor[] = [];
  const f32 = (name: string, shape: number[], d: Float64Array): HostTensor => ({
    name,
    shape,
    data: Float32Array.from(d),
  });
  for (let l = 0; l < m.layers; l++) {
    const inSize = l === 0 ? inputSize : H;
    const ctx = (stream: number) => ({ rng: createRng(seed, l * 16 + stream), gain, std });
    const wxCtx = ctx(1);
    const whCtx = ctx(2);
    const wx = blocked(inSize, H, G, (r, cc) => initialiser(input).fill(r, cc, wxCtx));
    const wh = blocked(H, H, G, (r, cc) => {
      const block = initialiser(recurrent).fill(r, cc, whCtx);
      if (spectralRadius === undefined) return block;
      const rho = spectralRadiusHost(block, r);
      if (rho === 0) return block;
      const k = spectralRadius / rho;
      return block.map((v) => v * k);
    });
    const bx = new Float64Array(G * H);
    if (m.cell === 'lstm') for (let j = H; j < 2 * H; j++) bx[j] = spec.forgetBias;
    host.push(f32(`layer${l}.Wx`, [inSize, G * H], wx), f32(`layer${l}.Wh`, [H, G * H], wh));
    host.push(f32(`layer${l}.bx`, [G * H], bx), f32(`layer${l}.bh`, [G * H], new Float64Array(G * H)));
  }
  const roCtx = { rng: createRng(seed, 15), gain: 1, std };
  host.push(f32('readout.W', [H, outputSize], initialiser('xavier_uniform').fill(H, outputSize, roCtx)));
  host.push(f32('readout.b', [outputSize], new Float64Array(outputSize)));
  return paramsFromHost(m, host);
}

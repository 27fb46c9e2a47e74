/**
 * `gradlab probe`: one forward/backward pass on given weights and a given batch, no training. Inputs are
 * the three JSON documents (text or already parsed); every malformed field is reported by its path, e.g.
 * `weights.layers[0].Wh: expected 8 rows (model.hidden), got 7`.
 */
import { z } from 'zod';
import { ModelSchema } from '../api/spec';
import { LabError, issuesFromZod, type FieldIssue } from '../api/errors';
import type { Batch, Target } from '../tasks/types';
import { tf } from './tf';
import { engineInfo, initBackend } from './backend';
import { cell as cellDef } from './cells';
import { computeGradients } from './gradients';
import { batchTensors, disposeBatch } from './batch';
import { paramList, paramsFromHost, disposeParams, shapeOf, type HostTensor } from './model';
import { rescaledHiddenGradients } from './metrics/rescaled-backward';

export interface ProbeResult {
  loss: number;
  /** [layer][t]: ||∂L/∂h^l_t||_F, t = 0 is h_1. */
  hiddenGradNorms: number[][];
  /** [layer][t]: ||∂L/∂c^l_t||_F (LSTM only). */
  cellGradNorms?: number[][];
  paramGrads: {
    layers: { Wx: number[][]; Wh: number[][]; bx: number[]; bh: number[] }[];
    readout: { W: number[][]; b: number[] };
  };
}

const num = z.number().refine(Number.isFinite, 'must be a finite number');
const matrixSchema = z.array(z.array(num));
const ConfigSchema = z.object({ model: ModelSchema.prefault({}) });
const WeightsSchema = z.object({
  layers: z.array(z.object({ Wx: matrixSchema, Wh: matrixSchema, bx: z.array(num), bh: z.array(num) })).min(1),
  readout: z.object({ W: matrixSchema, b: z.array(num) }),
});
const BatchSchema = z.object({
  x: z.array(z.array(z.array(num))).min(1),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('mse_last'), y: matrixSchema }),
    z.object({ kind: z.literal('mse_all'), y: z.array(matrixSchema), mask: z.array(z.array(num)).optional() }),
    z.object({ kind: z.literal('xent_last'), y: z.array(z.number().int().min(0)) }),
    z.object({
      kind: z.literal('xent_all'),
      y: z.array(z.array(z.number().int().min(0))),
      mask: z.array(z.array(num)).optional(),
    }),
  ]),
});

function fail(file: string, issues: FieldIssue[]): never {
  throw new LabError(
    'invalid_argument',
    `Invalid ${file}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    issues,
  );
}

function parse<S extends z.ZodType>(file: string, schema: S, input: unknown): z.output<S> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      fail(file, [{ path: '', message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }]);
    }
  }
  const r = schema.safeParse(value);
  if (!r.success) fail(file, issuesFromZod(r.error, file));
  return r.data;
}

/** Flattens a nested array after checking its shape; `what` explains where the expected size comes from. */
function flat(file: string, path: string, v: unknown, shape: number[], what: string[]): Float32Array {
  const out: number[] = [];
  const walk = (x: unknown, d: number, p: string) => {
    if (d === shape.length) {
      out.push(x as number);
      return;
    }
    const a = x as unknown[];
    if (a.length !== shape[d])
      fail(file, [
        {
          path: p,
          message: `expected ${shape[d]} ${d === 0 && shape.length > 1 ? 'rows' : 'entries'} (${what[d]}), got ${a.length}`,
        },
      ]);
    a.forEach((e, i) => walk(e, d + 1, `${p}[${i}]`));
  };
  walk(v, 0, path);
  return Float32Array.from(out);
}

function nest(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => data[r * cols + c]!));
}

export async function probeFromFiles(
  configJson: unknown,
  weightsJson: unknown,
  batchJson: unknown,
): Promise<ProbeResult> {
  const config = parse('config', ConfigSchema, configJson);
  const weights = parse('weights', WeightsSchema, weightsJson);
  const batch = parse('batch', BatchSchema, batchJson);
  const m = config.model;
  const G = cellDef(m.cell).gates;
  const H = m.hidden;
  const GH = G * H;
  if (weights.layers.length !== m.layers)
    fail('weights', [
      { path: 'weights.layers', message: `expected ${m.layers} layers (model.layers), got ${weights.layers.length}` },
    ]);
  const inSize = weights.layers[0]!.Wx.length;
  const outSize = weights.readout.b.length;
  const host: HostTensor[] = [];
  weights.layers.forEach((L, l) => {
    const p = `weights.layers[${l}]`;
    const rows = l === 0 ? inSize : H;
    const rowWhy = l === 0 ? 'input size' : 'model.hidden';
    const colWhy = `${G} gates × model.hidden`;
    host.push({
      name: `layer${l}.Wx`,
      shape: [rows, GH],
      data: flat('weights', `${p}.Wx`, L.Wx, [rows, GH], [rowWhy, colWhy]),
    });
    host.push({
      name: `layer${l}.Wh`,
      shape: [H, GH],
      data: flat('weights', `${p}.Wh`, L.Wh, [H, GH], ['model.hidden', colWhy]),
    });
    host.push({ name: `layer${l}.bx`, shape: [GH], data: flat('weights', `${p}.bx`, L.bx, [GH], [colWhy]) });
    host.push({ name: `layer${l}.bh`, shape: [GH], data: flat('weights', `${p}.bh`, L.bh, [GH], [colWhy]) });
  });
  host.push({
    name: 'readout.W',
    shape: [H, outSize],
    data: flat('weights', 'weights.readout.W', weights.readout.W, [H, outSize], ['model.hidden', 'readout.b length']),
  });
  host.push({ name: 'readout.b', shape: [outSize], data: Float32Array.from(weights.readout.b) });

  const T = batch.x.length;
  const B = batch.x[0]!.length;
  const x = flat(
    'batch',
    'batch.x',
    batch.x,
    [T, B, inSize],
    ['time steps', 'batch size', 'input size, rows of weights.layers[0].Wx'],
  );
  const tg = batch.target;
  let target: Target;
  switch (tg.kind) {
    case 'mse_last':
      target = { kind: 'mse_last', y: flat('batch', 'batch.target.y', tg.y, [B, outSize], ['batch size', 'outputs']) };
      break;
    case 'mse_all':
      target = {
        kind: 'mse_all',
        y: flat('batch', 'batch.target.y', tg.y, [T, B, outSize], ['time steps', 'batch size', 'outputs']),
        mask: tg.mask ? flat('batch', 'batch.target.mask', tg.mask, [T, B], ['time steps', 'batch size']) : undefined,
      };
      break;
    case 'xent_last':
      target = { kind: 'xent_last', y: Int32Array.from(flat('batch', 'batch.target.y', tg.y, [B], ['batch size'])) };
      break;
    case 'xent_all':
      target = {
        kind: 'xent_all',
        y: Int32Array.from(flat('batch', 'batch.target.y', tg.y, [T, B], ['time steps', 'batch size'])),
        mask: tg.mask ? flat('batch', 'batch.target.mask', tg.mask, [T, B], ['time steps', 'batch size']) : undefined,
      };
      break;
  }
  if (target.kind.startsWith('xent')) {
    const bad = Array.from(target.y).findIndex((c) => c >= outSize);
    if (bad >= 0)
      fail('batch', [
        {
          path: 'batch.target.y',
          message: `class id ${target.y[bad]} is out of range: the readout has ${outSize} outputs`,
        },
      ]);
  }
  const b: Batch = { T, B, inputSize: inSize, x, target };

  if (!engineInfo()) await initBackend();
  const model = shapeOf(m, inSize, outSize);
  const params = paramsFromHost(model, host);
  const bt = batchTensors(b, outSize);
  let result!: ProbeResult;
  try {
    tf.tidy(() => {
      const g = computeGradients(params, model, bt);
      // The norms come from the rescaled pass: exact in float64 terms even where float32 would underflow.
      const hidden = rescaledHiddenGradients(params, model, bt);
      const grads = paramList(g.grads).map((t) => t.dataSync());
      const layers = weights.layers.map((_L, l) => {
        const rows = l === 0 ? inSize : H;
        const [Wx, Wh, bx, bh] = grads.slice(l * 4, l * 4 + 4) as Float32Array[];
        return { Wx: nest(Wx!, rows, GH), Wh: nest(Wh!, H, GH), bx: Array.from(bx!), bh: Array.from(bh!) };
      });
      result = {
        loss: g.loss.dataSync()[0]!,
        hiddenGradNorms: hidden.hNorms,
        paramGrads: {
          layers,
          readout: { W: nest(grads[m.layers * 4]!, H, outSize), b: Array.from(grads[m.layers * 4 + 1]!) },
        },
      };
      if (m.cell === 'lstm') result.cellGradNorms = hidden.cNorms.map((c) => c ?? []);
    });
  } finally {
    disposeParams(params);
    disposeBatch(bt);
  }
  return result;
}

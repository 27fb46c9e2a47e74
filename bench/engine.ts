/**
 * Engine benchmark: ms per training step (median after warm-up) with probes off and with a gradient profile
 * every step, on the adding task with Adam, for the canonical configurations (the same as
 * bench/pytorch_reference.py), plus tensors alive before and after. `npx tsx bench/engine.ts` runs it alone;
 * the lead's `npm run bench` calls benchEngine().
 */
import { pathToFileURL } from 'node:url';
import { ExperimentSpecSchema, type BackendName, type Cell } from '../core/api';
import { createTask } from '../core/tasks';
import { initBackend } from '../core/engine/backend';
import { tf } from '../core/engine/tf';
import { createParams, shapeOf, type Params } from '../core/engine/model';
import { batchTensors, disposeBatch } from '../core/engine/batch';
import { disposeState, initialSlots, trainStep, type TrainState } from '../core/engine/train-step';
import { measureProfile, profileFromPass } from '../core/engine/metrics/profile';
import type { GradientResult } from '../core/engine/gradients';

export interface EngineBenchConfig {
  name: string;
  cell: Cell;
  B: number;
  H: number;
  T: number;
}

export interface BenchResult {
  config: string;
  backend: string;
  device: string;
  /** Median ms per step, probes off. */
  msPerStep: number;
  /**
   * Median ms per step with a profile every step read off the training pass (probe.source 'train'):
   * ||∂L/∂h_t|| (and c_t), horizon, saturation and per-parameter gradient norms; RNN spectra not included.
   */
  msPerStepProbed: number;
  /** Median ms per step when that profile also carries the RNN spectra (Jacobian norms, σ_max, ρ); null for gated cells. */
  msPerStepProbedSpectra: number | null;
  /**
   * Median ms per step with the full profile on the fixed probe batch (32 rows) every step: a second pass,
   * spectra included; null when the bench timed the training pass's probes only (BenchOptions.trainProbesOnly).
   */
  msPerStepFixedProbe: number | null;
  /** Fastest step, probes off: a floor that survives other processes competing for the CPU. */
  msPerStepMin: number;
  tensorsBefore: number;
  tensorsAfter: number;
  steps: number;
}

export interface BenchOptions {
  backend?: BackendName;
  warmup?: number;
  steps?: number;
  /** Only configurations whose name contains one of these. */
  only?: string[];
  /** Time probes off and probes from the training pass only (no spectra, no fixed probe batch): bench/speed.ts. */
  trainProbesOnly?: boolean;
  log?: (line: string) => void;
}

export const ENGINE_BENCH_CONFIGS: EngineBenchConfig[] = [
  { name: 'rnn-tanh B=32 H=64 T=100', cell: 'rnn', B: 32, H: 64, T: 100 },
  { name: 'lstm B=32 H=64 T=100', cell: 'lstm', B: 32, H: 64, T: 100 },
  { name: 'gru B=32 H=64 T=100', cell: 'gru', B: 32, H: 64, T: 100 },
  { name: 'rnn-tanh B=128 H=256 T=50', cell: 'rnn', B: 128, H: 256, T: 50 },
];

/** The canonical configuration as a spec: adding task, Adam, clipping that never bites (its cost is timed). */
export function benchSpec(c: EngineBenchConfig) {
  return ExperimentSpecSchema.parse({
    task: { kind: 'adding', seqLen: c.T },
    model: { cell: c.cell, hidden: c.H, activation: 'tanh' },
    train: { optimizer: 'adam', lr: 1e-3, batch: c.B, clip: { mode: 'norm', threshold: 1e9 } },
    probe: { every: 1, batch: 32 },
  });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

/** How a timed step probes, as the trainer would with probe.every = 1. */
type ProbeMode = 'off' | 'train' | 'train+spectra' | 'fixed';

async function benchOne(
  c: EngineBenchConfig,
  warmup: number,
  steps: number,
  trainProbesOnly = false,
): Promise<Omit<BenchResult, 'backend' | 'device'>> {
  const spec = benchSpec(c);
  const task = createTask(spec.task, 1);
  const model = shapeOf(spec.model, task.inputSize, task.outputSize);
  const tensorsBefore = tf.memory().numTensors;
  const params = createParams(spec.model, task.inputSize, task.outputSize, 1);
  const state: TrainState = { params, slots: initialSlots(spec.train, params), step: 0 };
  const probe = batchTensors(task.probeBatch(spec.probe.batch), task.outputSize);
  const warm: (Float64Array | undefined)[] = [];
  const modes: ProbeMode[] = trainProbesOnly
    ? ['off', 'train']
    : c.cell === 'rnn'
      ? ['off', 'train', 'train+spectra', 'fixed']
      : ['off', 'train', 'fixed'];
  const times = new Map<ProbeMode, number[]>(modes.map((m) => [m, []]));
  const step = (mode: ProbeMode): number => {
    const raw = task.trainBatch(state.step + 1, c.B);
    const t0 = performance.now();
    const b = batchTensors(raw, task.outputSize);
    const fromTrain = mode === 'train' || mode === 'train+spectra';
    const s = state.step + 1;
    const inspect = fromTrain
      ? (g: GradientResult, p: Params) =>
          void profileFromPass(p, model, g.trace, g.hiddenNorms(), s, { spectra: mode === 'train+spectra', warm })
      : undefined;
    trainStep(state, model, b, spec.train, { paramNorms: mode !== 'off', inspect });
    disposeBatch(b);
    if (mode === 'fixed') measureProfile(state.params, model, probe, state.step, { warm });
    return performance.now() - t0;
  };
  // Modes take turns step by step, so a change in the machine's load falls on all of them alike.
  for (let i = 0; i < warmup + steps; i++) {
    for (const m of modes) {
      const ms = step(m);
      if (i >= warmup) times.get(m)!.push(ms);
    }
  }
  disposeBatch(probe);
  disposeState(state);
  const off = times.get('off')!;
  return {
    config: c.name,
    msPerStep: median(off),
    msPerStepProbed: median(times.get('train')!),
    msPerStepProbedSpectra: times.has('train+spectra') ? median(times.get('train+spectra')!) : null,
    msPerStepFixedProbe: times.has('fixed') ? median(times.get('fixed')!) : null,
    msPerStepMin: Math.min(...off),
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
    steps,
  };
}

const pct = (ms: number, base: number) =>
  `${ms.toFixed(1).padStart(7)} ms (${ms >= base ? '+' : ''}${((ms / base - 1) * 100).toFixed(0)}%)`;

export async function benchEngine(opts: BenchOptions = {}): Promise<BenchResult[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const info = await initBackend(opts.backend);
  log(`engine bench on ${info.backend} (${info.device})`);
  const results: BenchResult[] = [];
  for (const c of ENGINE_BENCH_CONFIGS) {
    if (opts.only && !opts.only.some((o) => c.name.includes(o))) continue;
    const r = {
      backend: info.backend,
      device: info.device,
      ...(await benchOne(c, opts.warmup ?? 3, opts.steps ?? 10, opts.trainProbesOnly)),
    };
    log(
      `${r.config.padEnd(28)} ${r.msPerStep.toFixed(1).padStart(7)} ms/step (min ${r.msPerStepMin.toFixed(1)})` +
        `   probes every step ${pct(r.msPerStepProbed, r.msPerStep)}` +
        (r.msPerStepProbedSpectra !== null ? `   with RNN spectra ${pct(r.msPerStepProbedSpectra, r.msPerStep)}` : '') +
        (r.msPerStepFixedProbe !== null ? `   fixed probe batch ${pct(r.msPerStepFixedProbe, r.msPerStep)}` : '') +
        `   tensors ${r.tensorsBefore} → ${r.tensorsAfter}`,
    );
    results.push(r);
  }
  return results;
}

export interface SoakSample {
  step: number;
  tensors: number;
  /** Process resident set and V8 heap in use, MB. */
  rssMb: number;
  heapMb: number;
  /** Median ms/step over the interval that ended here. */
  msPerStep: number;
}

/**
 * A long run of one configuration (probes off), sampling live tensors and process memory every `every`
 * steps: growth of either shows as a trend across the samples.
 */
export async function soakEngine(
  c: EngineBenchConfig,
  steps = 10_000,
  every = 1000,
  log: (l: string) => void = console.log,
  backend?: BackendName,
): Promise<SoakSample[]> {
  await initBackend(backend);
  const spec = ExperimentSpecSchema.parse({
    task: { kind: 'adding', seqLen: c.T },
    model: { cell: c.cell, hidden: c.H, activation: 'tanh' },
    train: { optimizer: 'adam', lr: 1e-3, batch: c.B, clip: { mode: 'norm', threshold: 1 } },
  });
  const task = createTask(spec.task, 1);
  const model = shapeOf(spec.model, task.inputSize, task.outputSize);
  const params = createParams(spec.model, task.inputSize, task.outputSize, 1);
  const state: TrainState = { params, slots: initialSlots(spec.train, params), step: 0 };
  const samples: SoakSample[] = [];
  const sample = (times: number[]) => {
    const m = process.memoryUsage();
    const s = {
      step: state.step,
      tensors: tf.memory().numTensors,
      rssMb: m.rss / 2 ** 20,
      heapMb: m.heapUsed / 2 ** 20,
      msPerStep: times.length ? median(times) : 0,
    };
    samples.push(s);
    log(
      `soak ${c.name} step ${String(s.step).padStart(6)}: tensors ${s.tensors}, rss ${s.rssMb.toFixed(1)} MB, heap ${s.heapMb.toFixed(1)} MB, ${s.msPerStep.toFixed(1)} ms/step`,
    );
  };
  sample([]);
  let times: number[] = [];
  while (state.step < steps) {
    const t0 = performance.now();
    const b = batchTensors(task.trainBatch(state.step + 1, c.B), task.outputSize);
    trainStep(state, model, b, spec.train);
    disposeBatch(b);
    times.push(performance.now() - t0);
    if (state.step % every === 0) {
      sample(times);
      times = [];
    }
  }
  disposeState(state);
  return samples;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // npx tsx bench/engine.ts [backend]            the configurations
  // npx tsx bench/engine.ts --soak [steps] [config-substring]   memory over a long run
  if (process.argv[2] === '--soak') {
    const steps = Number(process.argv[3] ?? 10_000);
    const c = ENGINE_BENCH_CONFIGS.find((x) => x.name.includes(process.argv[4] ?? 'rnn-tanh B=32'))!;
    void soakEngine(c, steps, Math.max(1, Math.floor(steps / 10)));
  } else {
    const backend = process.argv[2] as BackendName | undefined;
    void benchEngine({ backend });
  }
}

/**
 * Where a training step's time goes, per op kind: `npx tsx bench/engine-profile.ts [config-substring] [steps]`.
 * tf.profile gives every backend kernel's time (summed by kernel name); the fused recurrent kernel's time
 * loops are timed around their calls; "host and glue" is the rest of the step's wall time (uploads,
 * downloads, JavaScript). Taken over several steps after warm-up, min per kind would mislead, so sums/steps.
 */
import { pathToFileURL } from 'node:url';
import { createTask } from '../core/tasks';
import { initBackend } from '../core/engine/backend';
import { tf } from '../core/engine/tf';
import { createParams, shapeOf } from '../core/engine/model';
import { batchTensors, disposeBatch } from '../core/engine/batch';
import { disposeState, initialSlots, trainStep, type TrainState } from '../core/engine/train-step';
import { measureProfile } from '../core/engine/metrics/profile';
import { fusedTimings, resetFusedTimings } from '../core/engine/kernels/fused-layer';
import { ENGINE_BENCH_CONFIGS, benchSpec, type EngineBenchConfig } from './engine';

export interface OpProfile {
  config: string;
  probes: boolean;
  wallMs: number;
  /** [kind, ms per step, launches per step], largest first. */
  kinds: [string, number, number][];
}

export async function profileConfig(c: EngineBenchConfig, steps = 5, probes = false): Promise<OpProfile> {
  const spec = benchSpec(c);
  const task = createTask(spec.task, 1);
  const model = shapeOf(spec.model, task.inputSize, task.outputSize);
  const params = createParams(spec.model, task.inputSize, task.outputSize, 1);
  const state: TrainState = { params, slots: initialSlots(spec.train, params), step: 0 };
  const probe = batchTensors(task.probeBatch(32), task.outputSize);
  const one = () => {
    const b = batchTensors(task.trainBatch(state.step + 1, c.B), task.outputSize);
    trainStep(state, model, b, spec.train);
    disposeBatch(b);
    if (probes) measureProfile(state.params, model, probe, state.step);
  };
  for (let i = 0; i < 2; i++) one();
  const byKind = new Map<string, [number, number]>();
  let wall = 0;
  let fused = 0;
  let fusedCalls = 0;
  let weight = 0;
  let weightCalls = 0;
  for (let i = 0; i < steps; i++) {
    resetFusedTimings();
    const t0 = performance.now();
    const info = await tf.profile(() => {
      one();
      return [];
    });
    wall += performance.now() - t0;
    fused += fusedTimings.forwardMs + fusedTimings.backwardMs;
    fusedCalls += fusedTimings.forwardCalls + fusedTimings.backwardCalls;
    weight += fusedTimings.weightMs;
    weightCalls += fusedTimings.weightCalls;
    for (const k of info.kernels) {
      const e = byKind.get(k.name) ?? [0, 0];
      e[0] += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      e[1]++;
      byKind.set(k.name, e);
    }
  }
  disposeBatch(probe);
  disposeState(state);
  const kinds: [string, number, number][] = [...byKind].map(([k, [ms, n]]) => [k, ms / steps, n / steps]);
  if (fusedCalls) kinds.push(['fused recurrent kernel (time loops)', fused / steps, fusedCalls / steps]);
  if (weightCalls) kinds.push(['fused kernel dWh (h₋ᵀ·dHP)', weight / steps, weightCalls / steps]);
  const accounted = kinds.reduce((a, k) => a + k[1], 0);
  kinds.push(['host and glue (rest of wall)', Math.max(0, wall / steps - accounted), 0]);
  kinds.sort((a, b) => b[1] - a[1]);
  return { config: c.name, probes, wallMs: wall / steps, kinds };
}

export function formatProfile(p: OpProfile, top = 12): string {
  const launches = p.kinds.reduce((a, k) => a + k[2], 0);
  const lines = [
    `${p.config}${p.probes ? ' + probe every step' : ''}: ${p.wallMs.toFixed(1)} ms/step under tf.profile, ${launches.toFixed(0)} backend kernel launches`,
  ];
  for (const [k, ms, n] of p.kinds.slice(0, top))
    lines.push(
      `  ${k.padEnd(38)} ${ms.toFixed(2).padStart(8)} ms ${((100 * ms) / p.wallMs).toFixed(0).padStart(4)}%  ×${n.toFixed(0)}`,
    );
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = process.argv[2];
  const steps = Number(process.argv[3] ?? 5);
  const info = await initBackend();
  console.log(`backend ${info.backend} (${info.device})`);
  for (const c of ENGINE_BENCH_CONFIGS) {
    if (only && !c.name.includes(only)) continue;
    for (const probes of [false, true]) console.log(formatProfile(await profileConfig(c, steps, probes)));
  }
}

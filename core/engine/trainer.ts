/**
 * runTraining: a whole run, streamed as events. Step s (1-based) trains on the task's batch for s, so the
 * data is a function of (seed, step) and a run resumed from a checkpoint repeats an uninterrupted one
 * number for number. Profiles at step 0 (fixed probe batch only), every probe.every steps and at the end; held-out evaluation every
 * train.evalEvery steps and at the end; checkpoints every train.checkpointEvery steps, at the end, on stop, and
 * on divergence (then holding the non-finite weights of the diverging step, for predictions).
 */
import type { ExperimentSpec, StepMetrics } from '../api';
import type { TaskInstance } from '../tasks/types';
import { createTask } from '../tasks';
import type { Checkpoint, TrainerEvent } from './protocol';
import { tf } from './tf';
import { engineInfo, initBackend } from './backend';
import { batchTensors, disposeBatch, type BatchTensors } from './batch';
import { forward } from './forward';
import { LOSS_DEFS, accuracy } from './loss';
import {
  createParams,
  paramList,
  paramShapes,
  paramsFromHost,
  paramsToHost,
  shapeOf,
  type ModelShape,
  type Params,
} from './model';
import { decodeCheckpoint, encodeCheckpoint, CheckpointError } from './checkpoint';
import { disposeState, initialSlots, trainStep, type TrainState } from './train-step';
import { measureProfile, profileFromPass } from './metrics/profile';
import type { GradientResult } from './gradients';
import type { GradientProfile } from '../api/records';
import type { Tensor } from './tf';

export interface RunMessage {
  runId: string;
  spec: ExperimentSpec;
  resume?: Checkpoint;
}

export interface RunOptions {
  /** Builds the task (tests may substitute one). */
  createTask?: (spec: ExperimentSpec['task'], seed: number) => TaskInstance;
}

interface Evaluation {
  loss: number;
  accuracy?: number;
}

/** Loss (and accuracy for classification) of the current weights on a batch, no gradients. */
export function evaluate(state: TrainState, model: ModelShape, b: BatchTensors): Evaluation {
  const lossDef = LOSS_DEFS[b.lossKind];
  return tf.tidy(() => {
    const trace = forward(state.params, model, b.x, b.T, b.B, lossDef.everyStep);
    const { loss } = lossDef.apply(trace.out, b.y, b.w);
    const l = loss.dataSync()[0]!;
    return lossDef.classification ? { loss: l, accuracy: accuracy(trace.out, b.y, b.w).dataSync()[0]! } : { loss: l };
  });
}

async function restoreState(
  model: ModelShape,
  spec: ExperimentSpec,
  c: Checkpoint,
): Promise<{ state: TrainState; wallMs: number }> {
  const ck = decodeCheckpoint(c);
  const expected = paramShapes(model);
  const shapeKey = (s: { shape: number[] }[]) => s.map((x) => x.shape.join('x')).join(',');
  if (shapeKey(ck.params) !== shapeKey(expected))
    throw new CheckpointError('Checkpoint does not match the spec: its parameter shapes differ from the model');
  if (ck.optimizer !== spec.train.optimizer)
    throw new CheckpointError(
      `Checkpoint was written by optimizer "${ck.optimizer}", the spec asks for "${spec.train.optimizer}"`,
    );
  const params = paramsFromHost(model, ck.params);
  const slots = ck.slots.map((ps) => ps.map((t) => tf.tensor(t.data, t.shape)));
  return { state: { params, slots, step: ck.step }, wallMs: ck.wallMs };
}

async function checkpointOf(
  state: TrainState,
  model: ModelShape,
  spec: ExperimentSpec,
  wallMs: number,
): Promise<Checkpoint> {
  const params = await paramsToHost(model, state.params);
  const slots = await Promise.all(
    state.slots.map((ps) =>
      Promise.all(
        ps.map(async (t, i) => ({ name: String(i), shape: t.shape, data: (await t.data()) as Float32Array })),
      ),
    ),
  );
  return encodeCheckpoint({ step: state.step, wallMs, model, optimizer: spec.train.optimizer, params, slots });
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runTraining(
  msg: RunMessage,
  emit: (m: TrainerEvent) => void,
  shouldStop: () => boolean,
  opts: RunOptions = {},
): Promise<void> {
  const { runId, spec } = msg;
  const info = engineInfo() ?? (await initBackend());
  const task = (opts.createTask ?? createTask)(spec.task, spec.train.seed);
  const model = shapeOf(spec.model, task.inputSize, task.outputSize);
  const { train, probe } = spec;

  let state: TrainState;
  let wallBefore = 0;
  if (msg.resume) {
    const r = await restoreState(model, spec, msg.resume);
    state = r.state;
    wallBefore = r.wallMs;
  } else {
    const params = createParams(spec.model, task.inputSize, task.outputSize, train.seed);
    state = { params, slots: initialSlots(train, params), step: 0 };
  }
  const fixed: BatchTensors[] = [];
  try {
    const heldout = batchTensors(task.heldoutBatch(train.batch), task.outputSize);
    fixed.push(heldout);
    const fromTrain = probe.source === 'train';
    const probeBatch =
      probe.every > 0 && !fromTrain ? batchTensors(task.probeBatch(probe.batch), task.outputSize) : null;
    if (probeBatch) fixed.push(probeBatch);

    const t0 = performance.now();
    const wall = () => wallBefore + (performance.now() - t0);
    emit({ type: 'started', runId, backend: info.backend, device: info.device });
    // Wh's top singular vectors, carried from probe to probe so σ_max takes a few power iterations.
    const warm: (Float64Array | undefined)[] = [];
    const spectraAt = (step: number) => step % probe.spectraEvery === 0 || step === train.steps;
    const publish = (profile: GradientProfile) => emit({ type: 'profile', runId, profile });
    const profile = (step: number) => {
      if (probeBatch)
        publish(measureProfile(state.params, model, probeBatch, step, { spectra: spectraAt(step), warm }));
    };
    const checkpoint = async () =>
      emit({ type: 'checkpoint', runId, checkpoint: await checkpointOf(state, model, spec, wall()) });
    if (state.step === 0) profile(0);

    while (state.step < train.steps) {
      if (shouldStop()) {
        await checkpoint();
        emit({ type: 'done', runId, status: 'stopped' });
        return;
      }
      const s = state.step + 1;
      const batch = batchTensors(task.trainBatch(s, train.batch), task.outputSize);
      const last = s === train.steps;
      const probeNow = probe.every > 0 && (s % probe.every === 0 || last);
      let out;
      let stepProfile: GradientProfile | null = null;
      // A train-source profile is read off this step's own pass (at the weights before its update).
      const inspect =
        probeNow && fromTrain
          ? (g: GradientResult, params: Params) =>
              (stepProfile = profileFromPass(params, model, g.trace, g.hiddenNorms(), s, {
                spectra: spectraAt(s),
                warm,
              }))
          : undefined;
      try {
        out = trainStep(state, model, batch, train, { paramNorms: probeNow, applyDiverged: true, inspect });
      } finally {
        disposeBatch(batch);
      }
      const metrics: StepMetrics = {
        step: s,
        wallMs: wall(),
        loss: out.loss,
        gradNorm: out.gradNorm,
        clipped: out.clipped,
      };
      if (out.diverged) {
        emit({ type: 'step', runId, metrics });
        // The weights the diverging step wrote (NaN/±∞) become the run's last checkpoint: what the model now is.
        await checkpoint();
        emit({ type: 'diverged', runId, step: s, tensor: out.diverged });
        return;
      }
      if (s % train.evalEvery === 0 || last) {
        const h = evaluate(state, model, heldout);
        metrics.heldoutLoss = h.loss;
        if (h.accuracy !== undefined) metrics.heldoutAccuracy = h.accuracy;
        if (task.hasAccuracy) {
          // Training accuracy of the updated weights on this step's batch (one extra forward, eval steps only).
          const tb = batchTensors(task.trainBatch(s, train.batch), task.outputSize);
          const e = evaluate(state, model, tb);
          disposeBatch(tb);
          if (e.accuracy !== undefined) metrics.accuracy = e.accuracy;
        }
      }
      if (probeNow && out.paramGradNorms) metrics.paramGradNorms = out.paramGradNorms;
      emit({ type: 'step', runId, metrics });
      if (stepProfile) publish(stepProfile);
      else if (probeNow) profile(s);
      if (s % train.checkpointEvery === 0 || last) await checkpoint();
      // Let the process handle incoming messages (a 'stop' sets the flag read at the top of the loop).
      await nextTick();
    }
    emit({ type: 'done', runId, status: 'completed' });
  } finally {
    fixed.forEach(disposeBatch);
    disposeState(state);
  }
}

/** Parameters currently alive in a state, for tests that watch tensor counts. */
export function stateTensors(state: TrainState): Tensor[] {
  return [...paramList(state.params), ...state.slots.flat()];
}

/**
 * One training step: gradients, a single host read of the loss and per-tensor norm summaries, the
 * divergence check, clipping and the optimizer update — all inside one tf.tidy, so the only tensors that
 * outlive the step are the new parameters and optimizer slots (the old ones are disposed here).
 */
import type { TrainSpec } from '../api/spec';
import { tf, type Tensor } from './tf';
import { computeGradients, globalGradientSummary, gradientSummary, type GradientResult } from './gradients';
import { clipGradients } from './clip';
import { optimizer } from './optimizers';
import { combineNorms, normFromScaled, scaledNorm } from './metrics/norms';
import { paramList, paramShapes, paramsFromList, type ModelShape, type Params } from './model';
import type { BatchTensors } from './batch';

export interface TrainState {
  params: Params;
  /** Optimizer slots per parameter, in canonical parameter order. */
  slots: Tensor[][];
  /** Steps done so far. */
  step: number;
}

export interface StepOutcome {
  loss: number;
  /** Global L2 norm of all gradients, before clipping. */
  gradNorm: number;
  clipped: boolean;
  /** Per-parameter gradient norms: on request, and always when the step diverged. */
  paramGradNorms?: Record<string, number>;
  /** Which tensor went non-finite first (`loss`, `grad:layer0.Wh`), or null. */
  diverged: string | null;
}

export function initialSlots(train: TrainSpec, params: Params): Tensor[][] {
  const opt = optimizer(train.optimizer);
  return paramList(params).map((p) => opt.slots.map(() => tf.zerosLike(p)));
}

export function disposeState(s: TrainState): void {
  tf.dispose(paramList(s.params));
  tf.dispose(s.slots.flat());
}

export interface StepOptions {
  /** Also measure each parameter's gradient norm (probe steps). */
  paramNorms?: boolean;
  /** Sees the gradients exactly as applied (after clipping), for tests; must not keep them. */
  observe?: (applied: Tensor[]) => void;
  /**
   * Apply a diverging step's update anyway, as an unguarded optimizer would: the state then holds the
   * non-finite weights the step wrote (the trainer checkpoints them and stops). Off: the state is left as it was.
   */
  applyDiverged?: boolean;
  /**
   * Reads the step's forward trace and backward pass (at the weights before the update) while they are alive,
   * inside the step's tf.tidy: how a `train`-source probe measures the gradient the step applies, for free.
   */
  inspect?: (g: GradientResult, params: Params) => void;
}

interface LossAndNorms {
  loss: number;
  /** Largest |entry| over all gradients. */
  maxAbs: number;
  /** Global L2 norm of all gradients (NaN/±∞ when any entry is). */
  global: number;
  /** Per-tensor norms in parameter order: always on CPU backends, else when asked or when global is not finite. */
  perParam: number[] | null;
}

/**
 * The loss and the gradient norms, in one download. On CPU backends (wasm, cpu) a download is a memory copy:
 * all gradients come to the host and every norm is taken there in float64, per tensor too, for free. On the
 * tensorflow backend (a GPU) the gradients stay on the device and only [max, scaled Σ²] summaries travel:
 * the global one every step, the per-tensor one on request or to name the tensor that went non-finite.
 */
function readLossAndNorms(lossT: Tensor, grads: Tensor[], wantPerParam: boolean): LossAndNorms {
  if (tf.getBackend() !== 'tensorflow') {
    const flat = tf.concat([tf.reshape(lossT, [1]), ...grads.map((x) => tf.reshape(x, [-1]))]).dataSync();
    const perParam: number[] = [];
    let maxAbs = 0;
    let offset = 1;
    for (const x of grads) {
      // One pass finds each tensor's largest |entry| (for clipping by value) and scales its norm by it.
      const { max, norm } = scaledNorm(flat, offset, x.size);
      perParam.push(norm);
      if (max > maxAbs || Number.isNaN(max)) maxAbs = max;
      offset += x.size;
    }
    return { loss: flat[0]!, maxAbs, global: combineNorms(perParam), perParam };
  }
  const s = tf.concat([tf.reshape(lossT, [1]), globalGradientSummary(grads)]).dataSync();
  const global = normFromScaled(s[1]!, s[2]!);
  if (!wantPerParam && Number.isFinite(global)) return { loss: s[0]!, maxAbs: s[1]!, global, perParam: null };
  const p = gradientSummary(grads).dataSync();
  const perParam = grads.map((_g, i) => normFromScaled(p[2 * i]!, p[2 * i + 1]!));
  // Finished in float64 from the per-tensor pairs when they are all finite.
  return {
    loss: s[0]!,
    maxAbs: s[1]!,
    global: perParam.every(Number.isFinite) ? combineNorms(perParam) : global,
    perParam,
  };
}

/**
 * Advances `state` by one step in place. Every step reads the loss and the gradient norms in one download
 * (readLossAndNorms); a step whose gradient went non-finite names the first tensor that did.
 */
export function trainStep(
  state: TrainState,
  model: ModelShape,
  batch: BatchTensors,
  train: TrainSpec,
  opts: StepOptions = {},
): StepOutcome {
  const names = paramShapes(model).map((s) => s.name);
  const opt = optimizer(train.optimizer);
  const stepNo = state.step + 1;
  let outcome!: StepOutcome;
  let newParams: Tensor[] | null = null;
  let newSlots: Tensor[][] | null = null;
  tf.tidy(() => {
    const g = computeGradients(state.params, model, batch);
    opts.inspect?.(g, state.params);
    const grads = paramList(g.grads);
    const { loss, maxAbs, global: gradNorm, perParam } = readLossAndNorms(g.loss, grads, !!opts.paramNorms);
    const paramGradNorms =
      perParam && (opts.paramNorms || !Number.isFinite(gradNorm))
        ? Object.fromEntries(names.map((n, i) => [n, perParam[i]!]))
        : undefined;
    const badGrad = perParam ? perParam.findIndex((n) => !Number.isFinite(n)) : -1;
    const diverged = !Number.isFinite(loss)
      ? 'loss'
      : !Number.isFinite(gradNorm)
        ? `grad:${names[Math.max(badGrad, 0)]}`
        : null;
    if (diverged && !opts.applyDiverged) {
      outcome = { loss, gradNorm, clipped: false, paramGradNorms, diverged };
      return;
    }
    const { grads: applied, clipped } = clipGradients(grads, train.clip.mode, train.clip.threshold, gradNorm, maxAbs);
    opts.observe?.(applied);
    const params = paramList(state.params);
    newParams = [];
    newSlots = [];
    for (let i = 0; i < params.length; i++) {
      const u = opt.update(params[i]!, applied[i]!, state.slots[i]!, train.lr, stepNo);
      newParams.push(tf.keep(u.p));
      newSlots.push(u.slots.map((t) => tf.keep(t)));
    }
    outcome = { loss, gradNorm, clipped, paramGradNorms, diverged };
  });
  if (newParams && newSlots) {
    tf.dispose(paramList(state.params));
    tf.dispose(state.slots.flat());
    state.params = paramsFromList(model, newParams);
    state.slots = newSlots;
    state.step = stepNo;
  }
  return outcome;
}

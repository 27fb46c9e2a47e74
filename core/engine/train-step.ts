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
import { combineNorms, normFromScaled } from './metrics/norms';
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

/**
 * Advances `state` by one step in place. Every step reads the loss and a global [max, scaled Σ²] pair
 * (one download); per-parameter norms cost a second summary, so they are taken on request or to name the
 * tensor that went non-finite.
 */
export function trainStep(state: TrainState, model: ModelShape, batch: BatchTensors, train: TrainSpec, opts: StepOptions = {}): StepOutcome {
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
    const s = tf.concat([tf.reshape(g.loss, [1]), globalGradientSummary(grads)]).dataSync();
    const loss = s[0]!;
    const maxAbs = s[1]!;
    let gradNorm = normFromScaled(maxAbs, s[2]!);
    let paramGradNorms: Record<string, number> | undefined;
    let badGrad = -1;
    if (opts.paramNorms || !Number.isFinite(gradNorm)) {
      const per = gradientSummary(grads).dataSync();
      const norms = grads.map((_g, i) => normFromScaled(per[2 * i]!, per[2 * i + 1]!));
      paramGradNorms = {};
      names.forEach((n, i) => (paramGradNorms![n] = norms[i]!));
      badGrad = norms.findIndex((n) => !Number.isFinite(n));
      if (badGrad < 0) gradNorm = combineNorms(norms);
    }
    const diverged = !Number.isFinite(loss) ? 'loss' : !Number.isFinite(gradNorm) ? `grad:${names[Math.max(badGrad, 0)]}` : null;
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

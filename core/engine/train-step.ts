/**
 * One training step: gradients, a single host read of the loss and per-tensor norm summaries, the
 * divergence check, clipping and the optimizer update — all inside one tf.tidy, so the only tensors that
 * outlive the step are the new parameters and optimizer slots (the old ones are disposed here).
 */
import type { TrainSpec } from '../api/spec';
import { tf, type Tensor } from './tf';
import { computeGradients, gradientSummary } from './gradients';
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
  paramGradNorms: Record<string, number>;
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

/**
 * Advances `state` by one step in place. `observe` sees the gradients exactly as applied (after clipping),
 * for tests; it must not keep them.
 */
export function trainStep(state: TrainState, model: ModelShape, batch: BatchTensors, train: TrainSpec, observe?: (applied: Tensor[]) => void): StepOutcome {
  const names = paramShapes(model).map((s) => s.name);
  const opt = optimizer(train.optimizer);
  const stepNo = state.step + 1;
  let outcome!: StepOutcome;
  let newParams: Tensor[] | null = null;
  let newSlots: Tensor[][] | null = null;
  tf.tidy(() => {
    const g = computeGradients(state.params, model, batch);
    const grads = paramList(g.grads);
    const packed = tf.concat([tf.reshape(g.loss, [1]), tf.reshape(gradientSummary(grads), [-1])]);
    const s = packed.dataSync();
    const loss = s[0]!;
    const norms = grads.map((_g, i) => normFromScaled(s[1 + 2 * i]!, s[2 + 2 * i]!));
    const maxAbs = Math.max(...grads.map((_g, i) => s[1 + 2 * i]!));
    const paramGradNorms: Record<string, number> = {};
    names.forEach((n, i) => (paramGradNorms[n] = norms[i]!));
    const badGrad = norms.findIndex((n) => !Number.isFinite(n));
    const diverged = !Number.isFinite(loss) ? 'loss' : badGrad >= 0 ? `grad:${names[badGrad]}` : null;
    const gradNorm = combineNorms(norms);
    if (diverged) {
      outcome = { loss, gradNorm, clipped: false, paramGradNorms, diverged };
      return;
    }
    const { grads: applied, clipped } = clipGradients(grads, train.clip.mode, train.clip.threshold, gradNorm, maxAbs);
    observe?.(applied);
    const params = paramList(state.params);
    newParams = [];
    newSlots = [];
    for (let i = 0; i < params.length; i++) {
      const u = opt.update(params[i]!, applied[i]!, state.slots[i]!, train.lr, stepNo);
      newParams.push(tf.keep(u.p));
      newSlots.push(u.slots.map((t) => tf.keep(t)));
    }
    outcome = { loss, gradNorm, clipped, paramGradNorms, diverged: null };
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

import type { Cell } from '../../api/spec';
import type { ActivationDef } from '../activations';
import type { Tensor1D, Tensor2D } from '../tf';

export interface CellState {
  h: Tensor2D;
  /** LSTM memory. */
  c?: Tensor2D;
}

export interface StepWeights {
  Wh: Tensor2D;
  bh: Tensor1D;
}

/** What a forward step keeps for the backward pass; `candidate` is the argument of f watched by the metrics. */
export interface StepRecord {
  state: CellState;
  /** Pre-activation fed to the chosen activation f (rnn: a_t, lstm: a_g, gru: the n pre-activation). */
  candidate: Tensor2D;
  /** f(candidate). */
  candidateOut: Tensor2D;
  saved: Record<string, Tensor2D>;
}

/** Per-step factors of the backward step, computed for all steps at once by `prepareBackward`. */
export type StepAux = Record<string, Tensor2D>;

export interface StepGrads {
  /** ∂L/∂(input projection of this step) [B, G·H]. */
  dXP: Tensor2D;
  /** ∂L/∂(h_{t−1}·Wh (+ bh where not folded)) [B, G·H]; dXP itself where the two coincide. */
  dHP: Tensor2D;
  /** Part of ∂L/∂h_{t−1} that bypasses Wh (GRU's z⊙h path). */
  dhPrevDirect?: Tensor2D;
  /** ∂L/∂c_{t−1} through this step (LSTM). */
  dcPrev?: Tensor2D;
  /** Total ∂L/∂c_t (LSTM): what a probe added to c_t would receive. */
  dcTotal?: Tensor2D;
}

/**
 * A recurrent cell. The forward `step` gets the input projection xp_t = x_t·Wx + (folded biases) and the
 * previous state (null at t = 1: h_0 = c_0 = 0, so the recurrent product is skipped).
 *
 * The backward pass is split for speed: every factor of the backward step that depends only on forward
 * values (derivatives of gates and activations, products of them) is computed by `prepareBackward` for all
 * T steps at once on [T·B, ·] tensors — a handful of kernel launches instead of a dozen per step — and
 * `backward` then needs only the few ops that involve the incoming gradient.
 */
export interface CellDef {
  name: Cell;
  gates: number;
  /** Whether bh can be folded into the input projection (bx + bh added once), which GRU's r⊙(h·Wh_n + bh_n) forbids. */
  foldsRecurrentBias: boolean;
  step(xp: Tensor2D, prev: CellState | null, w: StepWeights, f: ActivationDef): StepRecord;
  prepareBackward(records: StepRecord[], f: ActivationDef): StepAux[];
  /** first: t = 1 (no previous state to send gradient to). */
  backward(dh: Tensor2D, dcNext: Tensor2D | null, aux: StepAux, first: boolean): StepGrads;
}

/**
 * A run's final metrics: the one place they are kept. The host's run session folds every step and profile it
 * hears into them, so a run ends with the same figures however it ends (completed, stopped, diverged, or its
 * engine killed mid-way); the engine only says how a run ended, and the store is never read back for them.
 */
import type { FinalMetrics, GradientProfile, StepMetrics } from '../api';

export class FinalMetricsTracker {
  private final: FinalMetrics;

  /** start: what a resumed run already had at its checkpoint (its step, the horizon last measured). */
  constructor(start: FinalMetrics = {}) {
    this.final = { ...start };
  }

  /** The last step's loss, step and wall time; held-out and accuracy figures from the last step that had them. */
  step(s: StepMetrics): void {
    const f = this.final;
    f.loss = s.loss;
    f.steps = s.step;
    f.wallMs = s.wallMs;
    if (s.heldoutLoss !== undefined) f.heldoutLoss = s.heldoutLoss;
    if (s.accuracy !== undefined) f.accuracy = s.accuracy;
    if (s.heldoutAccuracy !== undefined) f.heldoutAccuracy = s.heldoutAccuracy;
  }

  /** The horizon of the first layer (the one the runs table sorts by), from the latest profile. */
  profile(p: GradientProfile): void {
    const horizon = p.layers.find((l) => l.layer === 0)?.horizon;
    if (horizon !== undefined) this.final.horizon = horizon;
  }

  get current(): FinalMetrics {
    return { ...this.final };
  }
}

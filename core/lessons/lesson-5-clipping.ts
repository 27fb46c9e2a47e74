/** Lesson 5: gradient-norm clipping stops explosions. */
import { fmt, maxOf } from './fit';
import { explodingSpec, figureName, measure, shortNames, SIZES } from './presets';
import type { LessonDefinition, LessonRun } from './types';

const THRESHOLD = 1;

interface ClipStats {
  maxNorm: number;
  clipEvents: number;
  /** Largest norm actually applied: the threshold on clipped steps, the raw norm elsewhere. */
  maxApplied: number;
  steps: number;
}

function clipStats(r: LessonRun, threshold: number): ClipStats {
  const g = r.series('gradNorm');
  const c = r.series('clipped');
  const norms = g?.value ?? [];
  const clipped = new Map<number, boolean>();
  c?.step.forEach((s, i) => clipped.set(s, (c.value[i] ?? 0) >= 0.5));
  let maxApplied = 0;
  let events = 0;
  (g?.step ?? []).forEach((s, i) => {
    const n = norms[i] as number;
    const wasClipped = clipped.get(s) ?? false;
    if (wasClipped) events++;
    const applied = wasClipped ? Math.min(n, threshold) : n;
    if (!(applied <= maxApplied)) maxApplied = applied;
  });
  const finite = norms.filter((v) => Number.isFinite(v));
  return { maxNorm: finite.length ? maxOf(finite) : NaN, clipEvents: events, maxApplied, steps: norms.length };
}

export const lesson5: LessonDefinition = {
  id: 5,
  title: 'Clipping stops explosions',
  claim: 'Rescaling the gradient when its norm exceeds a threshold keeps an exploding configuration trainable.',
  explanation: [
    'Clipping by the global norm rescales all gradients together when their joint L2 norm ‖g‖ exceeds a threshold τ: g ← g·τ/‖g‖. The direction of the step is kept; only its length is capped, so no single step can throw the weights arbitrarily far, however large the exploding gradient (Pascanu, Mikolov & Bengio, 2013).',
    'Clipping does not make the gradient flow better: the exploding profile is still there, and it does nothing for vanishing gradients. It removes the catastrophic step that ends a run in NaN/Inf.',
    `The lesson trains the exploding configuration of lesson 2 twice, identical but for norm clipping at τ = ${THRESHOLD}, and compares the gradient norm (before clipping), the clip events and the loss.`,
  ].join('\n\n'),
  plan: (scale) =>
    `2 runs: the exploding tanh RNN of lesson 2 (${SIZES[scale].hidden} units, spectral radius 2, SGD lr 0.1, T = ${SIZES[scale].T}) without and with global-norm clipping at ${THRESHOLD}, up to ${scale === 'default' ? 300 : 150} steps.`,
  items: (scale) => [
    { kind: 'run', key: 'unclipped', spec: explodingSpec('lesson 5: no clipping', scale, false) },
    { kind: 'run', key: 'clipped', spec: explodingSpec(`lesson 5: norm clipping at ${THRESHOLD}`, scale, true) },
  ],
  evaluate(data) {
    const un = data.run('unclipped');
    const cl = data.run('clipped');
    const su = clipStats(un, Infinity);
    const sc = clipStats(cl, THRESHOLD);
    const div = un.run.divergence;
    const finalLoss = cl.run.final.heldoutLoss ?? cl.run.final.loss ?? NaN;
    const exploded =
      (un.run.status === 'diverged' && div !== null) ||
      su.maxNorm >= 1e6 * (un.series('gradNorm')?.value[0] ?? Infinity);
    const stable =
      cl.run.status === 'completed' && sc.maxApplied <= THRESHOLD * (1 + 1e-6) && Number.isFinite(finalLoss);
    const ok = exploded && stable;
    const unText = div
      ? `without clipping the run diverged at step ${div.step} (${div.tensor} non-finite; gradient norm up to ${fmt(su.maxNorm)})`
      : `without clipping the gradient norm reached ${fmt(su.maxNorm)}`;
    const headline = ok
      ? `Clipping saves the run: ${unText}; with clipping at ${THRESHOLD} all ${sc.steps} steps completed, ${sc.clipEvents} of them clipped (raw norm up to ${fmt(sc.maxNorm)}, applied norm never above ${fmt(sc.maxApplied)}), final held-out loss ${fmt(finalLoss)}.`
      : `Not borne out: ${unText}; the clipped run ended ${cl.run.status} with applied norm up to ${fmt(sc.maxApplied)}.`;
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure(
          'no clipping: diverged at step',
          div?.step ?? null,
          div ? `${div.tensor} non-finite` : 'did not diverge',
        ),
        measure('no clipping: largest finite gradient norm', su.maxNorm),
        measure('clipping: steps completed', cl.run.stepsDone, `of ${cl.run.stepsTotal}`),
        measure('clipping: clip events', sc.clipEvents, 'steps'),
        measure('clipping: largest raw gradient norm', sc.maxNorm),
        measure('clipping: largest applied norm', sc.maxApplied, `threshold ${THRESHOLD}`),
        measure('clipping: final held-out loss', finalLoss),
      ],
      figures: [
        {
          title: 'Gradient norm with and without clipping',
          chart: 'gradnorm',
          runIds: [un.run.id, cl.run.id],
          settings: {
            clipThreshold: THRESHOLD,
            legendNames: shortNames([un, cl]),
            fileName: figureName(5, 'gradnorm'),
          },
        },
        {
          title: 'Loss with and without clipping',
          chart: 'loss',
          runIds: [un.run.id, cl.run.id],
          settings: {
            metrics: ['loss'],
            logY: true,
            legendNames: shortNames([un, cl]),
            fileName: figureName(5, 'loss'),
          },
        },
      ],
    };
  },
};

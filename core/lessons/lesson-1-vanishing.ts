/** Lesson 1: BPTT multiplies one Jacobian per step; factors below 1 make the gradient vanish geometrically. */
import { decayPerStep, fmt, gradientRatio, geometricMean, maxOf, supText } from './fit';
import { figureName, initialProfileSpec, measure, shortNames, SIZES } from './presets';
import type { LessonDefinition } from './types';

const GAIN = 0.9;

export const lesson1: LessonDefinition = {
  id: 1,
  title: 'Vanishing gradients',
  claim:
    'Backpropagation through time multiplies one Jacobian per step; when these factors are below 1, the gradient reaching early steps shrinks geometrically.',
  explanation: [
    'A vanilla RNN computes hₜ = f(aₜ) with aₜ = Wx·xₜ + Wh·hₜ₋₁ + b. Backpropagation through time carries the gradient of the loss from the last step T back to the first with the chain rule, one step at a time: ∂L/∂hₜ₋₁ = (∂hₜ/∂hₜ₋₁)ᵀ·∂L/∂hₜ, with the Jacobian ∂hₜ/∂hₜ₋₁ = diag(f′(aₜ))·Whᵀ.',
    'So the gradient that reaches step T−k is a product of k Jacobians. Each has norm at most γ·σ_max(Wh), where γ = max|f′| (1 for tanh) and σ_max is the largest singular value of Wh. Hence ‖∂L/∂h_{T−k}‖ ≤ (γ·σ_max)ᵏ·‖∂L/∂h_T‖: when the factors are below 1, the gradient shrinks at least geometrically, and inputs far in the past barely change the weights.',
    `The lesson builds a tanh RNN whose Wh is orthogonal scaled by ${GAIN} (so σ_max = ${GAIN}), measures ‖∂L/∂hₜ‖ for every t on a fixed batch, fits a straight line to log‖∂L/∂hₜ‖ (its slope gives the decay per step), and checks every measured Jacobian norm against the bound γ·σ_max(Wh).`,
  ].join('\n\n'),
  plan: (scale) =>
    `1 run: tanh RNN (${SIZES[scale].hidden} units, Wh orthogonal × ${GAIN}) on the adding problem, T = ${SIZES[scale].T}; the gradient profile of the initial weights.`,
  items: (scale) => [
    {
      kind: 'run',
      key: 'tanh',
      spec: initialProfileSpec(`lesson 1: tanh RNN, Wh orthogonal × ${GAIN}`, scale, {
        cell: 'rnn',
        activation: 'tanh',
        init: { recurrent: 'orthogonal', gain: GAIN },
      }),
    },
  ],
  evaluate(data) {
    const r = data.run('tanh');
    const p = r.profile(0);
    if (!p) throw new Error('The run has no gradient profile at step 0');
    const T = p.hNorms.length;
    const fit = decayPerStep(p.hNorms);
    const bound = p.jacobianBound ?? NaN;
    const jac = p.jacobianNorms ?? [];
    const maxJ = maxOf(jac);
    const ratio = gradientRatio(p.hNorms);
    const log10Ratio = Math.log10(ratio);
    // ‖∂L/∂h_1‖ ≤ bound^(T−1)·‖∂L/∂h_T‖ holds exactly (the loss sits on the last step only).
    const log10BoundPow = (T - 1) * Math.log10(bound);
    const underBound = jac.length > 0 && jac.every((j) => j <= bound * (1 + 1e-4));
    const ok =
      bound < 1 && underBound && fit.rate < 1 && fit.r2 > 0.9 && log10Ratio <= log10BoundPow + 1e-3 && ratio < 1e-3;
    const headline = ok
      ? `Decay per step ${fmt(fit.rate)} (fit r² ${fmt(fit.r2, 2)}): after ${T - 1} steps back ‖∂L/∂h₁‖ = ${fmt(ratio)}·‖∂L/∂h_T‖. Every Jacobian norm (largest ${fmt(maxJ)}) stays under γ·σ_max(Wh) = ${fmt(bound)} < 1, which alone guarantees at most ${fmt(bound)}${supText(T - 1)} = ${fmt(10 ** log10BoundPow)}.`
      : `Not borne out: decay per step ${fmt(fit.rate)} (r² ${fmt(fit.r2, 2)}), ‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(ratio)}, largest Jacobian norm ${fmt(maxJ)} against the bound ${fmt(bound)}.`;
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure('decay per step (fitted)', fit.rate, 'factor per step back'),
        measure('fit r² (log scale)', fit.r2),
        measure('‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', ratio),
        measure('largest Jacobian norm ‖diag(f′)·Whᵀ‖', maxJ),
        measure('geometric mean Jacobian norm', geometricMean(jac)),
        measure('bound γ·σ_max(Wh)', bound),
        measure('steps back', T - 1, 'steps'),
      ],
      figures: [
        {
          title: 'Gradient norm through time, with the bound',
          chart: 'profile',
          runIds: [r.run.id],
          settings: {
            probeStep: 0,
            theoryBound: true,
            legendNames: shortNames([r]),
            fileName: figureName(1, 'profile'),
          },
        },
      ],
    };
  },
};

/** Lesson 2: factors above 1 make the gradient grow geometrically; training can end in NaN/Inf. */
import { decayPerStep, fmt, gradientRatio, maxOf } from './fit';
import { explodingSpec, figureName, measure, shortNames, SIZES } from './presets';
import type { LessonDefinition } from './types';

export const lesson2: LessonDefinition = {
  id: 2,
  title: 'Exploding gradients',
  claim:
    'When the Jacobian factors exceed 1, the gradient grows geometrically as it goes back in time, and training can end in NaN/Inf.',
  explanation: [
    'The same product of Jacobians, ∂L/∂h_{T−k} = (∏ diag(f′(aₜ))·Whᵀ)ᵀ·∂L/∂h_T, can also grow. Once Wh stretches some direction by more than the activation squashes it (γ·σ_max(Wh) > 1 is needed, and a spectral radius above 1 with activations away from saturation is enough), ‖∂L/∂h_{T−k}‖ grows roughly like ρᵏ: the gradient explodes.',
    'An exploding gradient makes one training step enormous. The weights jump far from where they were, the next forward pass overflows, and the loss, the gradients and then the weights become ∞ or NaN. The lab stops a run at the first non-finite number and records the step and the tensor.',
    'The lesson scales the recurrent matrix of a tanh RNN to spectral radius 2, measures the gradient profile of the initial weights, and trains it with plain SGD (learning rate 0.1, no clipping).',
  ].join('\n\n'),
  plan: (scale) =>
    `1 run: tanh RNN (${SIZES[scale].hidden} units, Wh Gaussian scaled to spectral radius 2) on the adding problem, T = ${SIZES[scale].T}, SGD lr 0.1 without clipping, up to ${scale === 'default' ? 300 : 150} steps.`,
  items: (scale) => [
    {
      kind: 'run',
      key: 'explode',
      spec: explodingSpec('lesson 2: tanh RNN, spectral radius 2, SGD 0.1', scale, false),
    },
  ],
  evaluate(data) {
    const r = data.run('explode');
    const p = r.profile(0);
    if (!p) throw new Error('The run has no gradient profile at step 0');
    const T = p.hNorms.length;
    const fit = decayPerStep(p.hNorms);
    const ratio = gradientRatio(p.hNorms);
    const grad = r.series('gradNorm');
    const finiteGrads = (grad?.value ?? []).filter((v) => Number.isFinite(v));
    const maxGrad = finiteGrads.length ? maxOf(finiteGrads) : NaN;
    const firstGrad = finiteGrads[0] ?? NaN;
    const div = r.run.divergence;
    const rising = fit.rate > 1 && ratio > 10 && (p.jacobianBound ?? 0) > 1;
    const diverged = r.run.status === 'diverged' && div !== null;
    const verdict = rising && diverged ? 'supported' : rising ? 'inconclusive' : 'not_supported';
    const grows = `the gradient grows ×${fmt(fit.rate)} per step back (fit r² ${fmt(fit.r2, 2)}): after ${T - 1} steps back ‖∂L/∂h₁‖ = ${fmt(ratio)}·‖∂L/∂h_T‖`;
    const headline =
      verdict === 'supported'
        ? `Explodes: ${grows}. Training diverged at step ${div!.step} (${div!.tensor} became non-finite) after the gradient norm rose from ${fmt(firstGrad)} to ${fmt(maxGrad)}.`
        : verdict === 'inconclusive'
          ? `The profile rises (${grows}), but this run did not diverge within ${r.run.stepsDone} steps (largest gradient norm ${fmt(maxGrad)}).`
          : `Not borne out: decay per step ${fmt(fit.rate)}, ‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(ratio)}, bound ${fmt(p.jacobianBound)}.`;
    return {
      verdict,
      headline,
      measurements: [
        measure('growth per step back (fitted)', fit.rate, 'factor per step'),
        measure('‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', ratio),
        measure('bound γ·σ_max(Wh)', p.jacobianBound),
        measure('spectral radius of Wh', p.spectralRadius),
        measure('gradient norm at step 1', firstGrad),
        measure('largest finite gradient norm', maxGrad),
        measure('diverged at step', div?.step ?? null, div ? `${div.tensor} non-finite` : 'did not diverge'),
      ],
      figures: [
        {
          title: 'The gradient grows going back in time',
          chart: 'profile',
          runIds: [r.run.id],
          settings: {
            probeStep: 0,
            theoryBound: true,
            legendNames: shortNames([r]),
            fileName: figureName(2, 'profile'),
          },
        },
        {
          title: 'Gradient norm until divergence',
          chart: 'gradnorm',
          runIds: [r.run.id],
          settings: { legendNames: shortNames([r]), fileName: figureName(2, 'gradnorm') },
        },
      ],
    };
  },
};

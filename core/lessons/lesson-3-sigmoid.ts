/** Lesson 3: sigmoid vanishes faster than tanh: σ′ ≤ 1/4, tanh′ ≤ 1. */
import { decayPerStep, fmt, maxOf, pow10Text } from './fit';
import { figureName, initialProfileSpec, measure, shortNames, SIZES } from './presets';
import type { LessonDefinition } from './types';

export const lesson3: LessonDefinition = {
  id: 3,
  title: 'Sigmoid vanishes faster than tanh',
  claim:
    'A sigmoid RNN loses its gradient much faster than a tanh RNN: the sigmoid’s derivative is at most 1/4, tanh’s at most 1.',
  explanation: [
    'The activation enters every Jacobian through diag(f′(aₜ)), so its largest slope γ = max|f′| sets the bound γ·σ_max(Wh) on each factor.',
    'For the logistic sigmoid σ(a) = 1/(1+e⁻ᵃ), σ′(a) = σ(a)(1−σ(a)), which is largest at a = 0 where it equals 1/4: γ = 1/4, not merely "somewhere in (0, 1)". For tanh, tanh′(a) = 1 − tanh²(a), which is 1 at a = 0: γ = 1. With the same Wh, each sigmoid factor is therefore up to four times smaller, and over k steps the bound is 4ᵏ times smaller.',
    'The lesson gives a tanh RNN and a sigmoid RNN the same orthogonal Wh (σ_max = 1) and the same data, and compares the fitted decay of ‖∂L/∂hₜ‖ per step.',
  ].join('\n\n'),
  plan: (scale) =>
    `2 runs: tanh and sigmoid RNN (${SIZES[scale].hidden} units, Wh orthogonal) on the adding problem, T = ${SIZES[scale].T}; gradient profiles of the initial weights.`,
  items: (scale) => [
    {
      kind: 'run',
      key: 'tanh',
      spec: initialProfileSpec('lesson 3: tanh RNN', scale, {
        cell: 'rnn',
        activation: 'tanh',
        init: { recurrent: 'orthogonal' },
      }),
    },
    {
      kind: 'run',
      key: 'sigmoid',
      spec: initialProfileSpec('lesson 3: sigmoid RNN', scale, {
        cell: 'rnn',
        activation: 'sigmoid',
        init: { recurrent: 'orthogonal' },
      }),
    },
  ],
  evaluate(data) {
    const tanh = data.run('tanh');
    const sig = data.run('sigmoid');
    const pt = tanh.profile(0);
    const ps = sig.profile(0);
    if (!pt || !ps) throw new Error('A run has no gradient profile at step 0');
    const T = pt.hNorms.length;
    const ft = decayPerStep(pt.hNorms);
    const fs = decayPerStep(ps.hNorms);
    const gammaT = (pt.jacobianBound ?? NaN) / (pt.sigmaMax ?? NaN);
    const gammaS = (ps.jacobianBound ?? NaN) / (ps.sigmaMax ?? NaN);
    const maxJs = maxOf(ps.jacobianNorms ?? []);
    // How many times smaller the sigmoid's gradient is after T−1 steps, from the fitted rates.
    const log10Factor = (T - 1) * Math.log10(ft.rate / fs.rate);
    const ok =
      fs.rate < 0.5 * ft.rate &&
      ft.rate < 1 &&
      Math.abs(gammaS - 0.25) < 1e-3 &&
      Math.abs(gammaT - 1) < 1e-3 &&
      maxJs <= (ps.jacobianBound ?? 0) * (1 + 1e-4) &&
      fs.r2 > 0.9;
    const headline = ok
      ? `Decay per step: tanh ${fmt(ft.rate)}, sigmoid ${fmt(fs.rate)} (γ = ${fmt(gammaT)} and ${fmt(gammaS)}); over ${T - 1} steps the sigmoid's gradient ends ${pow10Text(log10Factor)} times smaller. No sigmoid Jacobian exceeds 1/4·σ_max(Wh) (largest ${fmt(maxJs)}).`
      : `Not borne out: decay per step tanh ${fmt(ft.rate)}, sigmoid ${fmt(fs.rate)}; γ tanh ${fmt(gammaT)}, sigmoid ${fmt(gammaS)}.`;
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure('tanh: decay per step', ft.rate, 'factor per step back'),
        measure('sigmoid: decay per step', fs.rate, 'factor per step back'),
        measure('tanh: γ = max|f′|', gammaT),
        measure('sigmoid: γ = max|f′|', gammaS),
        measure('tanh: horizon', pt.horizon, 'steps'),
        measure('sigmoid: horizon', ps.horizon, 'steps'),
        measure(`sigmoid gradient smaller after ${T - 1} steps`, 10 ** log10Factor, 'times'),
      ],
      figures: [
        {
          title: 'tanh against sigmoid',
          chart: 'profile',
          runIds: [tanh.run.id, sig.run.id],
          settings: {
            probeStep: 0,
            theoryBound: true,
            legendNames: shortNames([tanh, sig]),
            fileName: figureName(3, 'profiles'),
          },
        },
      ],
    };
  },
};

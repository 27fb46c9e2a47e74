/** Lesson 7: initialisation decides the regime: too small vanishes, too large explodes; the horizon peaks near 1. */
import type { LessonScale } from '../api';
import { decayPerStep, fmt, gradientRatio, twoSidedHorizon } from './fit';
import { figureName, initialProfileSpec, measure, SIZES } from './presets';
import type { LessonDefinition, LessonRun } from './types';

const RADII: Record<LessonScale, number[]> = {
  default: [0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 2.5, 3],
  reduced: [0.5, 0.9, 1, 1.25, 1.5, 2, 3],
};

/** Both scales use T = 100: at T = 50 a gradient growing ×1.09 per step (ρ = 2) has not yet left the 10³ band. */
const T = 100;

const NAMED = [
  { key: 'xavier', label: 'Xavier uniform', recurrent: 'xavier_uniform' },
  { key: 'orthogonal', label: 'orthogonal', recurrent: 'orthogonal' },
  { key: 'he', label: 'He normal', recurrent: 'he_normal' },
] as const;

interface Point {
  run: LessonRun;
  radius: number;
  horizon: number;
  twoSided: number;
  ratio: number;
  /** Fitted per-step factor of the gradient going back: < 1 vanishing, > 1 exploding. */
  rate: number;
}

function pointOf(run: LessonRun): Point {
  const p = run.profile(0);
  const h = p?.hNorms ?? [];
  return {
    run,
    radius: p?.spectralRadius ?? NaN,
    horizon: p?.horizon ?? NaN,
    twoSided: twoSidedHorizon(h),
    ratio: gradientRatio(h),
    rate: decayPerStep(h).rate,
  };
}

/** Where the fitted per-step factor crosses 1 (linear in ln factor between neighbouring radii), or NaN. */
function criticalRadius(sweep: Point[]): number {
  for (let i = 0; i + 1 < sweep.length; i++) {
    const a = sweep[i]!;
    const b = sweep[i + 1]!;
    const la = Math.log(a.rate);
    const lb = Math.log(b.rate);
    if (la <= 0 && lb >= 0 && lb > la) return a.radius + ((b.radius - a.radius) * -la) / (lb - la);
  }
  return NaN;
}

export const lesson7: LessonDefinition = {
  id: 7,
  title: 'Initialisation sets the regime',
  claim:
    'The recurrent initialisation decides which regime a network starts in: too small and the gradient vanishes, too large and it explodes; the gradient horizon peaks near spectral radius 1.',
  explanation: [
    'Over many steps the product of Jacobians ∏ diag(f′(aₜ))·Whᵀ grows or shrinks roughly like ρ(Wh)ᵏ scaled by the typical slope f′, where ρ is the spectral radius (the largest |eigenvalue|). Below the critical value the gradient vanishes; above it, it explodes. Since tanh′ ≤ 1 and is below 1 away from 0, the critical radius of a tanh RNN sits at or slightly above 1: the "edge of chaos".',
    'Common initialisations land near it on purpose: an orthogonal Wh has ρ = σ_max = 1 exactly; Xavier (Glorot) scales a random Wh to ρ ≈ 1; He initialisation, made for ReLU, starts a tanh RNN at ρ ≈ √2.',
    'A gradient that explodes is no more useful than one that vanished, so the lesson plots the two-sided horizon: how many steps back ‖∂L/∂hₜ‖ stays within a factor 10³ of ‖∂L/∂h_T‖ either way. (The lab’s horizon counts only vanishing; it is drawn too, and stays at T−1 once the gradient explodes.) It sweeps the spectral radius of a Gaussian Wh for a tanh RNN and marks the named initialisations at their measured radius. Where several radii reach the same largest horizon, the best is the one whose gradient changes least per step (fitted factor closest to 1); the lesson also interpolates the radius where that factor crosses 1.',
  ].join('\n\n'),
  plan: (scale) =>
    `${RADII[scale].length + NAMED.length} runs: a tanh RNN (${SIZES[scale].hidden} units, T = ${T}) with Wh Gaussian scaled to spectral radius ${RADII[scale].join(', ')} (a sweep), and with Xavier, orthogonal and He initialisation; initial gradient profiles.`,
  items: (scale) => [
    {
      kind: 'sweep',
      key: 'radius',
      name: 'lesson 7: tanh RNN, spectral radius',
      base: initialProfileSpec(
        'lesson 7: tanh RNN',
        scale,
        { cell: 'rnn', activation: 'tanh', init: { recurrent: 'normal' } },
        T,
      ),
      grid: { 'model.init.spectralRadius': RADII[scale] },
    },
    ...NAMED.map((n) => ({
      kind: 'run' as const,
      key: n.key,
      spec: initialProfileSpec(
        `lesson 7: ${n.label}`,
        scale,
        { cell: 'rnn', activation: 'tanh', init: { recurrent: n.recurrent } },
        T,
      ),
    })),
  ],
  evaluate(data) {
    const sweep = data
      .sweep('radius')
      .map(pointOf)
      .sort((a, b) => a.radius - b.radius);
    const named = NAMED.map((n) => ({ ...n, point: pointOf(data.run(n.key)) }));
    if (sweep.length < 3) throw new Error('The sweep has fewer than 3 runs');
    const sweepId = sweep[0]!.run.run.sweepId ?? '';
    const steps = (sweep[0]!.run.profile(0)?.hNorms.length ?? NaN) - 1;
    const peak = Math.max(...sweep.map((p) => p.twoSided));
    const atPeak = sweep.filter((p) => p.twoSided >= peak);
    // Within the peak, the best radius is the one whose gradient changes least per step.
    const best = [...atPeak].sort((a, b) => Math.abs(Math.log(a.rate)) - Math.abs(Math.log(b.rate)))[0]!;
    const critical = criticalRadius(sweep);
    const lo = sweep[0]!;
    const hi = sweep[sweep.length - 1]!;
    const near1 = (r: number) => r >= 0.8 && r <= 1.6;
    const vanishes = lo.ratio < 1e-3 && lo.twoSided <= 0.5 * peak;
    const explodes = hi.ratio > 1e3 && hi.twoSided <= 0.5 * peak;
    const ok = near1(best.radius) && near1(critical) && vanishes && explodes;
    const peakRange =
      atPeak.length > 1 ? `${fmt(atPeak[0]!.radius)}–${fmt(atPeak[atPeak.length - 1]!.radius)}` : fmt(best.radius);
    const namedText = named.map((n) => `${n.label} ρ = ${fmt(n.point.radius)} → ${n.point.twoSided}`).join(', ');
    const headline = ok
      ? `The two-sided horizon peaks at ${peak} of ${steps} steps for ρ = ${peakRange}, best at ρ = ${fmt(best.radius)} (gradient ×${fmt(best.rate)} per step back); the per-step factor crosses 1 at ρ ≈ ${fmt(critical, 2)}. It falls to ${lo.twoSided} at ρ = ${fmt(lo.radius)} (‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(lo.ratio)}: vanishing) and to ${hi.twoSided} at ρ = ${fmt(hi.radius)} (ratio ${fmt(hi.ratio)}: exploding). Named inits: ${namedText}.`
      : `Not borne out: peak ${peak} at ρ = ${peakRange} (best ${fmt(best.radius)}), factor 1 at ρ ≈ ${fmt(critical, 2)}; ρ = ${fmt(lo.radius)} → ${lo.twoSided} (ratio ${fmt(lo.ratio)}), ρ = ${fmt(hi.radius)} → ${hi.twoSided} (ratio ${fmt(hi.ratio)}).`;
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure('radius where the per-step factor crosses 1', critical, 'interpolated'),
        ...sweep.map((p) =>
          measure(
            `ρ = ${fmt(p.radius)}: two-sided horizon`,
            p.twoSided,
            `steps; lab horizon ${p.horizon}; ×${fmt(p.rate)} per step; ratio ${fmt(p.ratio)}`,
          ),
        ),
        ...named.map((n) =>
          measure(
            `${n.label} (ρ = ${fmt(n.point.radius)}): two-sided horizon`,
            n.point.twoSided,
            `steps; lab horizon ${n.point.horizon}`,
          ),
        ),
      ],
      figures: [
        {
          title: 'Gradient horizon against the spectral radius of Wh',
          chart: 'sweep',
          runIds: [...sweep.map((p) => p.run.run.id), ...named.map((n) => n.point.run.run.id)],
          settings: {
            sweepX: 'spectralRadius',
            sweepY: ['twoSidedHorizon', 'horizon'],
            probeStep: 0,
            legendNames: {
              [`sweep:${sweepId}:twoSidedHorizon`]: 'tanh RNN, Gaussian Wh: two-sided horizon',
              [`sweep:${sweepId}:horizon`]: 'tanh RNN, Gaussian Wh: lab horizon (vanishing only)',
              ...Object.fromEntries(named.map((n) => [n.point.run.run.id, n.label])),
            },
            fileName: figureName(7, 'radius'),
          },
        },
      ],
    };
  },
};

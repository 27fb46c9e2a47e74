/** Lesson 7: initialisation decides the regime: too small vanishes, too large explodes; the horizon peaks near 1. */
import type { LessonScale } from '../api';
import { decayPerStep, fmt, gradientRatio, twoSidedHorizon } from './fit';
import { figureName, initialProfileSpec, measure, SIZES } from './presets';
import { L, paragraphs } from './text';
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
  title: L('Initialisation sets the regime', '初始化决定梯度所处的区间'),
  claim: L(
    'The recurrent initialisation decides which regime a network starts in: too small and the gradient vanishes, too large and it explodes; the gradient horizon peaks near spectral radius 1.',
    '循环权重的初始化决定了网络从哪个区间起步：太小则梯度消失，太大则梯度爆炸；梯度视界在谱半径 1 附近达到峰值。',
  ),
  explanation: paragraphs(
    L(
      'Over many steps the product of Jacobians ∏ diag(f′(aₜ))·Whᵀ grows or shrinks roughly like ρ(Wh)ᵏ scaled by the typical slope f′, where ρ is the spectral radius (the largest |eigenvalue|). Below the critical value the gradient vanishes; above it, it explodes. Since tanh′ ≤ 1 and is below 1 away from 0, the critical radius of a tanh RNN sits at or slightly above 1: the "edge of chaos".',
      '经过许多步之后，雅可比连乘积 ∏ diag(f′(aₜ))·Whᵀ 大致按 ρ(Wh)ᵏ 再乘以典型斜率 f′ 的方式增长或缩小，其中 ρ 是谱半径（最大的 |特征值|）。低于临界值时梯度消失，高于临界值时梯度爆炸。由于 tanh′ ≤ 1，且在远离 0 处小于 1，tanh RNN 的临界谱半径等于 1 或略高于它：即所谓“混沌边缘”。',
    ),
    L(
      'Common initialisations land near it on purpose: an orthogonal Wh has ρ = σ_max = 1 exactly; Xavier (Glorot) scales a random Wh to ρ ≈ 1; He initialisation, made for ReLU, starts a tanh RNN at ρ ≈ √2.',
      '常见的初始化方法有意落在它附近：正交矩阵 Wh 恰有 ρ = σ_max = 1；Xavier（Glorot）初始化把随机 Wh 缩放到 ρ ≈ 1；为 ReLU 设计的 He 初始化则让 tanh RNN 从 ρ ≈ √2 起步。',
    ),
    L(
      'A gradient that explodes is no more useful than one that vanished, so the lesson plots the two-sided horizon: how many steps back ‖∂L/∂hₜ‖ stays within a factor 10³ of ‖∂L/∂h_T‖ either way. (The lab’s horizon counts only vanishing; it is drawn too, and stays at T−1 once the gradient explodes.) It sweeps the spectral radius of a Gaussian Wh for a tanh RNN and marks the named initialisations at their measured radius. Where several radii reach the same largest horizon, the best is the one whose gradient changes least per step (fitted factor closest to 1); the lesson also interpolates the radius where that factor crosses 1.',
      '爆炸的梯度并不比消失的梯度更有用，所以本课画出双侧视界：‖∂L/∂hₜ‖ 与 ‖∂L/∂h_T‖ 之比保持在 10³ 倍以内（无论变大还是变小）能回溯多少步。（实验室的普通视界只统计消失；它也一并画出，梯度一旦爆炸便停在 T−1。）本课对 tanh RNN 的高斯 Wh 扫描谱半径，并在测得的谱半径处标出几种常用初始化。若多个谱半径达到同样的最大视界，取梯度每步变化最小（拟合因子最接近 1）的那个为最佳；本课还插值求出该因子穿过 1 的谱半径。',
    ),
  ),
  plan: (scale) =>
    L(
      `${RADII[scale].length + NAMED.length} runs: a tanh RNN (${SIZES[scale].hidden} units, T = ${T}) with Wh Gaussian scaled to spectral radius ${RADII[scale].join(', ')} (a sweep), and with Xavier, orthogonal and He initialisation; initial gradient profiles.`,
      `${RADII[scale].length + NAMED.length} 次运行：tanh RNN（${SIZES[scale].hidden} 个隐藏单元，T = ${T}），Wh 为高斯矩阵并缩放到谱半径 ${RADII[scale].join('、')}（扫描），以及 Xavier、正交和 He 初始化；测量初始梯度剖面。`,
    ),
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
    const namedText = named.map((n) => `${n.label} ρ = ${fmt(n.point.radius)} → ${n.point.twoSided}`);
    const headline = ok
      ? L(
          `The two-sided horizon peaks at ${peak} of ${steps} steps for ρ = ${peakRange}, best at ρ = ${fmt(best.radius)} (gradient ×${fmt(best.rate)} per step back); the per-step factor crosses 1 at ρ ≈ ${fmt(critical, 2)}. It falls to ${lo.twoSided} at ρ = ${fmt(lo.radius)} (‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(lo.ratio)}: vanishing) and to ${hi.twoSided} at ρ = ${fmt(hi.radius)} (ratio ${fmt(hi.ratio)}: exploding). Named inits: ${namedText.join(', ')}.`,
          `双侧视界在 ρ = ${peakRange} 时达到峰值 ${peak} 步（共 ${steps} 步），最佳为 ρ = ${fmt(best.radius)}（梯度每回传一步 ×${fmt(best.rate)}）；每步因子在 ρ ≈ ${fmt(critical, 2)} 处穿过 1。ρ = ${fmt(lo.radius)} 时降到 ${lo.twoSided}（‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(lo.ratio)}：消失），ρ = ${fmt(hi.radius)} 时降到 ${hi.twoSided}（比值 ${fmt(hi.ratio)}：爆炸）。常用初始化：${namedText.join('；')}。`,
        )
      : L(
          `Not borne out: peak ${peak} at ρ = ${peakRange} (best ${fmt(best.radius)}), factor 1 at ρ ≈ ${fmt(critical, 2)}; ρ = ${fmt(lo.radius)} → ${lo.twoSided} (ratio ${fmt(lo.ratio)}), ρ = ${fmt(hi.radius)} → ${hi.twoSided} (ratio ${fmt(hi.ratio)}).`,
          `未得到证实：峰值 ${peak} 出现在 ρ = ${peakRange}（最佳 ${fmt(best.radius)}），因子在 ρ ≈ ${fmt(critical, 2)} 处为 1；ρ = ${fmt(lo.radius)} → ${lo.twoSided}（比值 ${fmt(lo.ratio)}），ρ = ${fmt(hi.radius)} → ${hi.twoSided}（比值 ${fmt(hi.ratio)}）。`,
        );
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure(
          L('radius where the per-step factor crosses 1', '每步因子穿过 1 处的谱半径'),
          critical,
          L('interpolated', '插值'),
        ),
        ...sweep.map((p) =>
          measure(
            L(`ρ = ${fmt(p.radius)}: two-sided horizon`, `ρ = ${fmt(p.radius)}：双侧视界`),
            p.twoSided,
            L(
              `steps; lab horizon ${p.horizon}; ×${fmt(p.rate)} per step; ratio ${fmt(p.ratio)}`,
              `步；普通视界 ${p.horizon}；每步 ×${fmt(p.rate)}；比值 ${fmt(p.ratio)}`,
            ),
          ),
        ),
        ...named.map((n) =>
          measure(
            L(
              `${n.label} (ρ = ${fmt(n.point.radius)}): two-sided horizon`,
              `${n.label}（ρ = ${fmt(n.point.radius)}）：双侧视界`,
            ),
            n.point.twoSided,
            L(`steps; lab horizon ${n.point.horizon}`, `步；普通视界 ${n.point.horizon}`),
          ),
        ),
      ],
      figures: [
        {
          title: L('Gradient horizon against the spectral radius of Wh', '梯度视界与 Wh 谱半径的关系'),
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

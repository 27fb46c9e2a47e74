/** Lesson 3: sigmoid vanishes faster than tanh: σ′ ≤ 1/4, tanh′ ≤ 1. */
import { decayPerStep, fmt, maxOf, pow10Text } from './fit';
import { figureName, initialProfileSpec, measure, PER_STEP_BACK, shortNames, SIZES, STEPS, TIMES } from './presets';
import { L, paragraphs } from './text';
import type { LessonDefinition } from './types';

export const lesson3: LessonDefinition = {
  id: 3,
  title: L('Sigmoid vanishes faster than tanh', 'sigmoid 的梯度比 tanh 消失得更快'),
  claim: L(
    'A sigmoid RNN loses its gradient much faster than a tanh RNN: the sigmoid’s derivative is at most 1/4, tanh’s at most 1.',
    'sigmoid RNN 的梯度比 tanh RNN 消失得快得多：sigmoid 的导数至多为 1/4，而 tanh 的导数至多为 1。',
  ),
  explanation: paragraphs(
    L(
      'The activation enters every Jacobian through diag(f′(aₜ)), so its largest slope γ = max|f′| sets the bound γ·σ_max(Wh) on each factor.',
      '激活函数通过 diag(f′(aₜ)) 进入每一个雅可比矩阵，因此它的最大斜率 γ = max|f′| 决定了每个因子的上界 γ·σ_max(Wh)。',
    ),
    L(
      'The tutorial says the sigmoid’s derivative lies in (0, 1); the measurement shows more. For the logistic sigmoid σ(a) = 1/(1+e⁻ᵃ), σ′(a) = σ(a)(1−σ(a)), which is largest at a = 0 where it equals 1/4: γ = 1/4, not merely "somewhere in (0, 1)", and that is why sigmoid vanishes faster than tanh. For tanh, tanh′(a) = 1 − tanh²(a), which is 1 at a = 0: γ = 1. With the same Wh, each sigmoid factor is therefore up to four times smaller, and over k steps the bound is 4ᵏ times smaller.',
      '教程中说 sigmoid 的导数取值在 (0, 1) 之间；测量结果说明的更多。对 logistic sigmoid σ(a) = 1/(1+e⁻ᵃ)，有 σ′(a) = σ(a)(1−σ(a))，它在 a = 0 处取最大值 1/4：γ = 1/4，而不只是“落在 (0, 1) 中的某处”——这正是 sigmoid 比 tanh 消失得更快的原因。对 tanh，tanh′(a) = 1 − tanh²(a)，在 a = 0 处等于 1：γ = 1。在相同的 Wh 下，sigmoid 的每个因子最多小到四分之一，k 步之后上界要小 4ᵏ 倍。',
    ),
    L(
      'The lesson gives a tanh RNN and a sigmoid RNN the same orthogonal Wh (σ_max = 1) and the same data, and compares the fitted decay of ‖∂L/∂hₜ‖ per step.',
      '本课给 tanh RNN 和 sigmoid RNN 相同的正交 Wh（σ_max = 1）和相同的数据，比较拟合得到的 ‖∂L/∂hₜ‖ 每步衰减率。',
    ),
  ),
  plan: (scale) =>
    L(
      `2 runs: tanh and sigmoid RNN (${SIZES[scale].hidden} units, Wh orthogonal) on the adding problem, T = ${SIZES[scale].T}; gradient profiles of the initial weights.`,
      `2 次运行：tanh 与 sigmoid RNN（${SIZES[scale].hidden} 个隐藏单元，Wh 为正交矩阵），加法问题，T = ${SIZES[scale].T}；测量初始权重下的梯度剖面。`,
    ),
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
      ? L(
          `Decay per step: tanh ${fmt(ft.rate)}, sigmoid ${fmt(fs.rate)} (γ = ${fmt(gammaT)} and ${fmt(gammaS)}); over ${T - 1} steps the sigmoid's gradient ends ${pow10Text(log10Factor)} times smaller. No sigmoid Jacobian exceeds 1/4·σ_max(Wh) (largest ${fmt(maxJs)}).`,
          `每步衰减：tanh ${fmt(ft.rate)}，sigmoid ${fmt(fs.rate)}（γ 分别为 ${fmt(gammaT)} 和 ${fmt(gammaS)}）；回传 ${T - 1} 步后，sigmoid 的梯度要小 ${pow10Text(log10Factor)} 倍。没有一个 sigmoid 雅可比范数超过 1/4·σ_max(Wh)（最大 ${fmt(maxJs)}）。`,
        )
      : L(
          `Not borne out: decay per step tanh ${fmt(ft.rate)}, sigmoid ${fmt(fs.rate)}; γ tanh ${fmt(gammaT)}, sigmoid ${fmt(gammaS)}.`,
          `未得到证实：每步衰减 tanh ${fmt(ft.rate)}，sigmoid ${fmt(fs.rate)}；γ：tanh ${fmt(gammaT)}，sigmoid ${fmt(gammaS)}。`,
        );
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure(L('tanh: decay per step', 'tanh：每步衰减率'), ft.rate, PER_STEP_BACK),
        measure(L('sigmoid: decay per step', 'sigmoid：每步衰减率'), fs.rate, PER_STEP_BACK),
        measure(L('tanh: γ = max|f′|', 'tanh：γ = max|f′|'), gammaT),
        measure(L('sigmoid: γ = max|f′|', 'sigmoid：γ = max|f′|'), gammaS),
        measure(L('tanh: horizon', 'tanh：梯度视界'), pt.horizon, STEPS),
        measure(L('sigmoid: horizon', 'sigmoid：梯度视界'), ps.horizon, STEPS),
        measure(
          L(`sigmoid gradient smaller after ${T - 1} steps`, `回传 ${T - 1} 步后 sigmoid 梯度的缩小倍数`),
          10 ** log10Factor,
          TIMES,
        ),
      ],
      figures: [
        {
          title: L('tanh against sigmoid', 'tanh 与 sigmoid 对比'),
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

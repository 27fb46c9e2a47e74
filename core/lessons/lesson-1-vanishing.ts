/** Lesson 1: BPTT multiplies one Jacobian per step; factors below 1 make the gradient vanish geometrically. */
import { decayPerStep, fmt, gradientRatio, geometricMean, maxOf, supText } from './fit';
import { figureName, initialProfileSpec, measure, PER_STEP_BACK, shortNames, SIZES, STEPS } from './presets';
import { L, paragraphs } from './text';
import type { LessonDefinition } from './types';

const GAIN = 0.9;

export const lesson1: LessonDefinition = {
  id: 1,
  title: L('Vanishing gradients', '梯度消失'),
  claim: L(
    'Backpropagation through time multiplies one Jacobian per step; when these factors are below 1, the gradient reaching early steps shrinks geometrically.',
    '随时间反向传播（BPTT）每向前回传一步就乘上一个雅可比矩阵；当这些因子小于 1 时，传到早期时间步的梯度按几何级数缩小。',
  ),
  explanation: paragraphs(
    L(
      'A vanilla RNN computes hₜ = f(aₜ) with aₜ = Wx·xₜ + Wh·hₜ₋₁ + b. Backpropagation through time carries the gradient of the loss from the last step T back to the first with the chain rule, one step at a time: ∂L/∂hₜ₋₁ = (∂hₜ/∂hₜ₋₁)ᵀ·∂L/∂hₜ, with the Jacobian ∂hₜ/∂hₜ₋₁ = diag(f′(aₜ))·Whᵀ.',
      '普通 RNN 的计算是 hₜ = f(aₜ)，其中 aₜ = Wx·xₜ + Wh·hₜ₋₁ + b。随时间反向传播用链式法则把损失的梯度从最后一步 T 逐步传回第一步：∂L/∂hₜ₋₁ = (∂hₜ/∂hₜ₋₁)ᵀ·∂L/∂hₜ，其中雅可比矩阵 ∂hₜ/∂hₜ₋₁ = diag(f′(aₜ))·Whᵀ。',
    ),
    L(
      'So the gradient that reaches step T−k is a product of k Jacobians. Each has norm at most γ·σ_max(Wh), where γ = max|f′| (1 for tanh) and σ_max is the largest singular value of Wh. Hence ‖∂L/∂h_{T−k}‖ ≤ (γ·σ_max)ᵏ·‖∂L/∂h_T‖: when the factors are below 1, the gradient shrinks at least geometrically, and inputs far in the past barely change the weights.',
      '因此传到第 T−k 步的梯度是 k 个雅可比矩阵的连乘。每个矩阵的范数至多为 γ·σ_max(Wh)，其中 γ = max|f′|（tanh 为 1），σ_max 是 Wh 的最大奇异值。于是 ‖∂L/∂h_{T−k}‖ ≤ (γ·σ_max)ᵏ·‖∂L/∂h_T‖：只要这些因子小于 1，梯度至少按几何级数缩小，很久以前的输入几乎不再影响权重的更新。',
    ),
    L(
      `The lesson builds a tanh RNN whose Wh is orthogonal scaled by ${GAIN} (so σ_max = ${GAIN}), measures ‖∂L/∂hₜ‖ for every t on a fixed batch, fits a straight line to log‖∂L/∂hₜ‖ (its slope gives the decay per step), and checks every measured Jacobian norm against the bound γ·σ_max(Wh).`,
      `本课构造一个 tanh RNN，其 Wh 为正交矩阵乘以 ${GAIN}（因此 σ_max = ${GAIN}），在一个固定批次上测量每个 t 的 ‖∂L/∂hₜ‖，对 log‖∂L/∂hₜ‖ 做直线拟合（斜率给出每步的衰减率），并逐一检查测得的雅可比范数是否不超过上界 γ·σ_max(Wh)。`,
    ),
  ),
  plan: (scale) =>
    L(
      `1 run: tanh RNN (${SIZES[scale].hidden} units, Wh orthogonal × ${GAIN}) on the adding problem, T = ${SIZES[scale].T}; the gradient profile of the initial weights.`,
      `1 次运行：tanh RNN（${SIZES[scale].hidden} 个隐藏单元，Wh 为正交矩阵 × ${GAIN}），加法问题，T = ${SIZES[scale].T}；测量初始权重下的梯度剖面。`,
    ),
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
      ? L(
          `Decay per step ${fmt(fit.rate)} (fit r² ${fmt(fit.r2, 2)}): after ${T - 1} steps back ‖∂L/∂h₁‖ = ${fmt(ratio)}·‖∂L/∂h_T‖. Every Jacobian norm (largest ${fmt(maxJ)}) stays under γ·σ_max(Wh) = ${fmt(bound)} < 1, which alone guarantees at most ${fmt(bound)}${supText(T - 1)} = ${fmt(10 ** log10BoundPow)}.`,
          `每步衰减 ${fmt(fit.rate)}（拟合 r² ${fmt(fit.r2, 2)}）：回传 ${T - 1} 步后 ‖∂L/∂h₁‖ = ${fmt(ratio)}·‖∂L/∂h_T‖。所有雅可比范数（最大 ${fmt(maxJ)}）都低于 γ·σ_max(Wh) = ${fmt(bound)} < 1，仅凭这一点就保证比值至多为 ${fmt(bound)}${supText(T - 1)} = ${fmt(10 ** log10BoundPow)}。`,
        )
      : L(
          `Not borne out: decay per step ${fmt(fit.rate)} (r² ${fmt(fit.r2, 2)}), ‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(ratio)}, largest Jacobian norm ${fmt(maxJ)} against the bound ${fmt(bound)}.`,
          `未得到证实：每步衰减 ${fmt(fit.rate)}（r² ${fmt(fit.r2, 2)}），‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(ratio)}，最大雅可比范数 ${fmt(maxJ)}，上界为 ${fmt(bound)}。`,
        );
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure(L('decay per step (fitted)', '每步衰减率（拟合）'), fit.rate, PER_STEP_BACK),
        measure(L('fit r² (log scale)', '拟合 r²（对数坐标）'), fit.r2),
        measure(L('‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', '‖∂L/∂h₁‖ / ‖∂L/∂h_T‖'), ratio),
        measure(L('largest Jacobian norm ‖diag(f′)·Whᵀ‖', '最大雅可比范数 ‖diag(f′)·Whᵀ‖'), maxJ),
        measure(L('geometric mean Jacobian norm', '雅可比范数的几何平均'), geometricMean(jac)),
        measure(L('bound γ·σ_max(Wh)', '上界 γ·σ_max(Wh)'), bound),
        measure(L('steps back', '回传步数'), T - 1, STEPS),
      ],
      figures: [
        {
          title: L('Gradient norm through time, with the bound', '梯度范数随时间步的变化及其上界'),
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

/** Lesson 2: factors above 1 make the gradient grow geometrically; training can end in NaN/Inf. */
import { decayPerStep, fmt, gradientRatio, maxOf } from './fit';
import { explodingSpec, figureName, measure, PER_STEP_BACK, shortNames, SIZES } from './presets';
import { L, paragraphs } from './text';
import type { LessonDefinition } from './types';

export const lesson2: LessonDefinition = {
  id: 2,
  title: L('Exploding gradients', '梯度爆炸'),
  claim: L(
    'When the Jacobian factors exceed 1, the gradient grows geometrically as it goes back in time, and training can end in NaN/Inf.',
    '当雅可比因子大于 1 时，梯度在沿时间回传的过程中按几何级数增长，训练可能以 NaN/Inf 告终。',
  ),
  explanation: paragraphs(
    L(
      'The same product of Jacobians, ∂L/∂h_{T−k} = (∏ diag(f′(aₜ))·Whᵀ)ᵀ·∂L/∂h_T, can also grow. Once Wh stretches some direction by more than the activation squashes it (γ·σ_max(Wh) > 1 is needed, and a spectral radius above 1 with activations away from saturation is enough), ‖∂L/∂h_{T−k}‖ grows roughly like ρᵏ: the gradient explodes.',
      '同一个雅可比连乘积 ∂L/∂h_{T−k} = (∏ diag(f′(aₜ))·Whᵀ)ᵀ·∂L/∂h_T 也可能变大。一旦 Wh 在某个方向上的拉伸超过激活函数的压缩（必要条件是 γ·σ_max(Wh) > 1；谱半径大于 1 且激活值远离饱和区就足够），‖∂L/∂h_{T−k}‖ 大致按 ρᵏ 增长：梯度爆炸。',
    ),
    L(
      'An exploding gradient makes one training step enormous. The weights jump far from where they were, the next forward pass overflows, and the loss, the gradients and then the weights become ∞ or NaN. The lab stops a run at the first non-finite number and records the step and the tensor.',
      '梯度爆炸会让某一次训练更新变得极大。权重一下子跳离原来的位置，下一次前向传播发生溢出，损失、梯度乃至权重随之变成 ∞ 或 NaN。本实验室在出现第一个非有限数时停止运行，并记录所在的步数和张量。',
    ),
    L(
      'The lesson scales the recurrent matrix of a tanh RNN to spectral radius 2, measures the gradient profile of the initial weights, and trains it with plain SGD (learning rate 0.1, no clipping).',
      '本课把 tanh RNN 的循环矩阵缩放到谱半径 2，测量初始权重下的梯度剖面，然后用普通 SGD 训练（学习率 0.1，不做梯度裁剪）。',
    ),
  ),
  plan: (scale) =>
    L(
      `1 run: tanh RNN (${SIZES[scale].hidden} units, Wh Gaussian scaled to spectral radius 2) on the adding problem, T = ${SIZES[scale].T}, SGD lr 0.1 without clipping, up to ${scale === 'default' ? 300 : 150} steps.`,
      `1 次运行：tanh RNN（${SIZES[scale].hidden} 个隐藏单元，Wh 为高斯矩阵并缩放到谱半径 2），加法问题，T = ${SIZES[scale].T}，SGD 学习率 0.1，不裁剪，最多 ${scale === 'default' ? 300 : 150} 步。`,
    ),
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
    const grows = L(
      `the gradient grows ×${fmt(fit.rate)} per step back (fit r² ${fmt(fit.r2, 2)}): after ${T - 1} steps back ‖∂L/∂h₁‖ = ${fmt(ratio)}·‖∂L/∂h_T‖`,
      `梯度每回传一步增长 ×${fmt(fit.rate)}（拟合 r² ${fmt(fit.r2, 2)}）：回传 ${T - 1} 步后 ‖∂L/∂h₁‖ = ${fmt(ratio)}·‖∂L/∂h_T‖`,
    );
    const headline =
      verdict === 'supported'
        ? L(
            `Explodes: ${grows.en}. Training diverged at step ${div!.step} (${div!.tensor} became non-finite) after the gradient norm rose from ${fmt(firstGrad)} to ${fmt(maxGrad)}.`,
            `发生爆炸：${grows['zh-CN']}。梯度范数从 ${fmt(firstGrad)} 升到 ${fmt(maxGrad)} 之后，训练在第 ${div!.step} 步发散（${div!.tensor} 出现非有限值）。`,
          )
        : verdict === 'inconclusive'
          ? L(
              `The profile rises (${grows.en}), but this run did not diverge within ${r.run.stepsDone} steps (largest gradient norm ${fmt(maxGrad)}).`,
              `梯度剖面在上升（${grows['zh-CN']}），但这次运行在 ${r.run.stepsDone} 步内没有发散（最大梯度范数 ${fmt(maxGrad)}）。`,
            )
          : L(
              `Not borne out: decay per step ${fmt(fit.rate)}, ‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(ratio)}, bound ${fmt(p.jacobianBound)}.`,
              `未得到证实：每步衰减 ${fmt(fit.rate)}，‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${fmt(ratio)}，上界 ${fmt(p.jacobianBound)}。`,
            );
    return {
      verdict,
      headline,
      measurements: [
        measure(L('growth per step back (fitted)', '每回传一步的增长率（拟合）'), fit.rate, PER_STEP_BACK),
        measure(L('‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', '‖∂L/∂h₁‖ / ‖∂L/∂h_T‖'), ratio),
        measure(L('bound γ·σ_max(Wh)', '上界 γ·σ_max(Wh)'), p.jacobianBound),
        measure(L('spectral radius of Wh', 'Wh 的谱半径'), p.spectralRadius),
        measure(L('gradient norm at step 1', '第 1 步的梯度范数'), firstGrad),
        measure(L('largest finite gradient norm', '最大有限梯度范数'), maxGrad),
        measure(
          L('diverged at step', '发散于第几步'),
          div?.step ?? null,
          div ? L(`${div.tensor} non-finite`, `${div.tensor} 出现非有限值`) : L('did not diverge', '未发散'),
        ),
      ],
      figures: [
        {
          title: L('The gradient grows going back in time', '梯度沿时间回传而增长'),
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
          title: L('Gradient norm until divergence', '发散之前的梯度范数'),
          chart: 'gradnorm',
          runIds: [r.run.id],
          settings: { legendNames: shortNames([r]), fileName: figureName(2, 'gradnorm') },
        },
      ],
    };
  },
};

/** Lesson 5: gradient-norm clipping stops explosions. */
import { fmt, maxOf } from './fit';
import { explodingSpec, figureName, measure, shortNames, SIZES, STEPS } from './presets';
import { L, paragraphs } from './text';
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
  title: L('Clipping stops explosions', '梯度裁剪制止爆炸'),
  claim: L(
    'Rescaling the gradient when its norm exceeds a threshold keeps an exploding configuration trainable.',
    '当梯度范数超过阈值时把梯度按比例缩小，就能让一个会爆炸的配置继续训练下去。',
  ),
  explanation: paragraphs(
    L(
      'Clipping by the global norm rescales all gradients together when their joint L2 norm ‖g‖ exceeds a threshold τ: g ← g·τ/‖g‖. The direction of the step is kept; only its length is capped, so no single step can throw the weights arbitrarily far, however large the exploding gradient (Pascanu, Mikolov & Bengio, 2013).',
      '按全局范数裁剪：当所有梯度合起来的 L2 范数 ‖g‖ 超过阈值 τ 时，把它们一起缩放：g ← g·τ/‖g‖。更新的方向保持不变，只限制步长，因此无论爆炸的梯度有多大，单独一步都不能把权重甩到任意远处（Pascanu、Mikolov 与 Bengio，2013）。',
    ),
    L(
      'Clipping does not make the gradient flow better: the exploding profile is still there, and it does nothing for vanishing gradients. It removes the catastrophic step that ends a run in NaN/Inf.',
      '裁剪并不改善梯度的传播：爆炸的梯度剖面依然存在，对梯度消失也毫无帮助。它去掉的是那一步让训练以 NaN/Inf 告终的灾难性更新。',
    ),
    L(
      `The lesson trains the exploding configuration of lesson 2 twice, identical but for norm clipping at τ = ${THRESHOLD}, and compares the gradient norm (before clipping), the clip events and the loss.`,
      `本课把第 2 课会爆炸的配置训练两次，唯一的区别是是否在 τ = ${THRESHOLD} 处做范数裁剪，比较（裁剪前的）梯度范数、裁剪次数和损失。`,
    ),
  ),
  plan: (scale) =>
    L(
      `2 runs: the exploding tanh RNN of lesson 2 (${SIZES[scale].hidden} units, spectral radius 2, SGD lr 0.1, T = ${SIZES[scale].T}) without and with global-norm clipping at ${THRESHOLD}, up to ${scale === 'default' ? 300 : 150} steps.`,
      `2 次运行：第 2 课会爆炸的 tanh RNN（${SIZES[scale].hidden} 个隐藏单元，谱半径 2，SGD 学习率 0.1，T = ${SIZES[scale].T}），分别不裁剪和按全局范数在 ${THRESHOLD} 处裁剪，最多 ${scale === 'default' ? 300 : 150} 步。`,
    ),
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
      ? L(
          `without clipping the run diverged at step ${div.step} (${div.tensor} non-finite; gradient norm up to ${fmt(su.maxNorm)})`,
          `不裁剪时运行在第 ${div.step} 步发散（${div.tensor} 出现非有限值；梯度范数最高 ${fmt(su.maxNorm)}）`,
        )
      : L(`without clipping the gradient norm reached ${fmt(su.maxNorm)}`, `不裁剪时梯度范数达到 ${fmt(su.maxNorm)}`);
    const headline = ok
      ? L(
          `Clipping saves the run: ${unText.en}; with clipping at ${THRESHOLD} all ${sc.steps} steps completed, ${sc.clipEvents} of them clipped (raw norm up to ${fmt(sc.maxNorm)}, applied norm never above ${fmt(sc.maxApplied)}), final held-out loss ${fmt(finalLoss)}.`,
          `裁剪挽救了这次训练：${unText['zh-CN']}；在 ${THRESHOLD} 处裁剪时 ${sc.steps} 步全部完成，其中 ${sc.clipEvents} 步被裁剪（原始范数最高 ${fmt(sc.maxNorm)}，实际使用的范数从未超过 ${fmt(sc.maxApplied)}），最终留出集损失 ${fmt(finalLoss)}。`,
        )
      : L(
          `Not borne out: ${unText.en}; the clipped run ended ${cl.run.status} with applied norm up to ${fmt(sc.maxApplied)}.`,
          `未得到证实：${unText['zh-CN']}；裁剪的运行以 ${cl.run.status} 结束，实际使用的范数最高 ${fmt(sc.maxApplied)}。`,
        );
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure(
          L('no clipping: diverged at step', '不裁剪：发散于第几步'),
          div?.step ?? null,
          div ? L(`${div.tensor} non-finite`, `${div.tensor} 出现非有限值`) : L('did not diverge', '未发散'),
        ),
        measure(L('no clipping: largest finite gradient norm', '不裁剪：最大有限梯度范数'), su.maxNorm),
        measure(
          L('clipping: steps completed', '裁剪：完成的步数'),
          cl.run.stepsDone,
          L(`of ${cl.run.stepsTotal}`, `共 ${cl.run.stepsTotal} 步`),
        ),
        measure(L('clipping: clip events', '裁剪：裁剪次数'), sc.clipEvents, STEPS),
        measure(L('clipping: largest raw gradient norm', '裁剪：最大原始梯度范数'), sc.maxNorm),
        measure(
          L('clipping: largest applied norm', '裁剪：实际使用的最大范数'),
          sc.maxApplied,
          L(`threshold ${THRESHOLD}`, `阈值 ${THRESHOLD}`),
        ),
        measure(L('clipping: final held-out loss', '裁剪：最终留出集损失'), finalLoss),
      ],
      figures: [
        {
          title: L('Gradient norm with and without clipping', '裁剪与不裁剪时的梯度范数'),
          chart: 'gradnorm',
          runIds: [un.run.id, cl.run.id],
          settings: {
            clipThreshold: THRESHOLD,
            legendNames: shortNames([un, cl]),
            fileName: figureName(5, 'gradnorm'),
          },
        },
        {
          title: L('Loss with and without clipping', '裁剪与不裁剪时的损失'),
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

/** Bengio, Simard & Frasconi 1994: the chance of learning to latch a bit falls as the span grows. */
import type { ExperimentSpecInput, ReplicationScale } from '../api';
import { fmt } from '../lessons/fit';
import { measure } from '../lessons/presets';
import { L } from '../lessons/text';
import { figureName, seeds, VERDICT_WORDS, verdictOf } from './common';
import type { ReplicationDefinition, ReplicationRun } from './types';

const ID = 'bengio-1994-latch';
/** A run has learned the latch when it classifies this share of held-out sequences right. */
export const SUCCESS_ACCURACY = 0.95;

const SIZES: Record<ReplicationScale, { spans: number[]; seeds: number; steps: number }> = {
  full: { spans: [5, 10, 20, 40, 80, 160], seeds: 20, steps: 1000 },
  reduced: { spans: [5, 20, 60], seeds: 4, steps: 300 },
  smallest: { spans: [2, 8], seeds: 1, steps: 10 },
};

function base(scale: ReplicationScale): ExperimentSpecInput {
  const s = SIZES[scale];
  return {
    name: `${ID}: tanh RNN, latch`,
    task: { kind: 'latch', seqLen: s.spans[0]!, classes: 2 },
    // Small random recurrent weights (spectral radius 0.9), as a gradient-descent RNN starts, not an orthogonal Wh.
    model: { cell: 'rnn', activation: 'tanh', hidden: 8, init: { recurrent: 'normal', spectralRadius: 0.9 } },
    train: {
      optimizer: 'sgd',
      lr: 0.1,
      batch: 32,
      steps: s.steps,
      seed: 1,
      evalEvery: Math.max(5, s.steps / 10),
      checkpointEvery: s.steps,
    },
    probe: { every: s.steps, batch: 8 },
  };
}

function learned(r: ReplicationRun): boolean {
  const acc = r.run.final.heldoutAccuracy ?? r.series('heldoutAccuracy')?.value.at(-1);
  return r.run.status === 'completed' && typeof acc === 'number' && acc >= SUCCESS_ACCURACY;
}

export const bengio1994: ReplicationDefinition = {
  id: ID,
  paper: {
    authors: 'Y. Bengio, P. Simard, P. Frasconi',
    year: 1994,
    title: 'Learning long-term dependencies with gradient descent is difficult',
    venue: 'IEEE Transactions on Neural Networks 5(2), 157–166',
    url: 'https://doi.org/10.1109/72.279181',
  },
  claim: L(
    'For a recurrent network trained by gradient descent on the latch (information-latching) problem, the probability of learning falls as the span T of the dependency grows.',
    '用梯度下降训练循环网络解锁存（信息锁存）问题时，随着依赖跨度 T 增大，学会的概率下降。',
  ),
  published: [
    {
      label: L('probability of successful learning vs span T', '学习成功的概率与跨度 T 的关系'),
      value: null,
      text: L(
        'The paper’s latch experiments report how often gradient descent learns the task as the span T grows; that figure was not read here, so no value is read off it or quoted.',
        '论文的锁存实验报告了随着跨度 T 增大梯度下降学会该任务的频率；这里没有读到那幅图，因此不从图上读取也不引用任何数值。',
      ),
      source:
        'Experiments section, the success-frequency figure, Bengio, Simard & Frasconi, IEEE TNN 5(2), pp. 157–166: not found — the stored copies (vdocuments.mx, nzdl.org) show page 157 (abstract and introduction) only, and the stored GitHub index holds no transcription of the paper',
      provenance: 'not-found',
    },
    {
      label: L('the paper’s tasks, as a later paper describes them', '后来的论文对该文任务的描述'),
      value: null,
      text: L(
        'Second-hand, no number: Hochreiter & Schmidhuber (1997) call one of the paper’s tasks “Bengio et al.’s 1994 ‘2-sequence problem’” (noise and signal on the same input line), report that it “actually can be solved quickly by random weight guessing”, and count seven methods tested in it and in Bengio & Frasconi (1994).',
        '二手资料，没有数字：Hochreiter 与 Schmidhuber（1997）把该文的一个任务称为“Bengio 等人 1994 年的‘2-sequence problem’（二序列问题）”（噪声与信号在同一输入线上），报告说它“其实用随机猜测权重就能很快解决”，并说该文与 Bengio 和 Frasconi（1994）共测试了七种方法。',
      ),
      source:
        'Second-hand: Hochreiter & Schmidhuber 1997, Section 5 introduction (“Guessing can outperform many long time lag algorithms”, “Outline of experiments”), page: pages 9–22 of the 32-page author copy hold Section 5; read in the transcription github tamnd/papers content/en/hochreiter-1997-lstm/05_experiments.md',
      provenance: 'second-hand',
    },
  ],
  plan: (scale) => {
    const s = SIZES[scale];
    return L(
      `${s.spans.length * s.seeds} runs: a tanh RNN (8 units, Wh Gaussian at spectral radius 0.9) trained by SGD (lr 0.1, batch 32, ${s.steps} steps) on the 2-class latch at spans T = ${s.spans.join(', ')}, ${s.seeds} seed${s.seeds > 1 ? 's' : ''} each; success = held-out accuracy ≥ ${SUCCESS_ACCURACY}.`,
      `${s.spans.length * s.seeds} 次运行：tanh RNN（8 个隐藏单元，Wh 为谱半径 0.9 的高斯矩阵），用 SGD（学习率 0.1，批大小 32，${s.steps} 步）训练 2 类锁存任务，跨度 T = ${s.spans.join('、')}，每个跨度 ${s.seeds} 个随机种子；成功指留出集准确率 ≥ ${SUCCESS_ACCURACY}。`,
    );
  },
  differences: [
    L(
      'The lab’s latch gives the class one-hot at t = 0 and zeros after, with no noise; the paper’s latch adds Gaussian noise to later inputs and trains the initial inputs of a one-unit net.',
      '实验室的锁存任务在 t = 0 时以 one-hot 给出类别，之后输入全为零，没有噪声；论文的锁存任务在后续输入中加入高斯噪声，并训练单个单元网络的初始输入。',
    ),
    L(
      `Success is measured as held-out accuracy ≥ ${SUCCESS_ACCURACY} at the end of a fixed budget of steps, not the paper’s convergence criterion.`,
      `成功的标准是固定训练步数结束时留出集准确率 ≥ ${SUCCESS_ACCURACY}，而不是论文的收敛判据。`,
    ),
    L(
      'An 8-unit tanh RNN with a softmax readout and cross-entropy, trained by mini-batch SGD, instead of the paper’s single recurrent unit.',
      '使用 8 个单元的 tanh RNN，softmax 输出层加交叉熵损失，以小批量 SGD 训练，而不是论文中的单个循环单元。',
    ),
  ],
  items: (scale) => [
    {
      kind: 'sweep',
      key: 'latch',
      name: `${ID} (${scale})`,
      base: base(scale),
      grid: { 'task.seqLen': SIZES[scale].spans, 'train.seed': seeds(SIZES[scale].seeds) },
    },
  ],
  evaluate(data) {
    const runs = data.sweep('latch');
    const spanOf = (r: ReplicationRun) => (r.spec.task.kind === 'latch' ? r.spec.task.seqLen : NaN);
    const spans = [...new Set(runs.map(spanOf))].sort((a, b) => a - b);
    const rate = spans.map((T) => {
      const at = runs.filter((r) => spanOf(r) === T);
      return { T, n: at.length, ok: at.filter(learned).length };
    });
    const p = rate.map((x) => x.ok / x.n);
    const first = p[0]!;
    const last = p[p.length - 1]!;
    const nonIncreasing = p.every((v, i) => i === 0 || v <= p[i - 1]! + 1e-9);
    // A flat curve reproduces nothing: every condition asks for the fall.
    const falls = first > last;
    const verdict = verdictOf([falls, falls && nonIncreasing, falls && first >= 0.5 && last <= 0.25]);
    const table = rate.map((x) => `T = ${x.T}: ${x.ok}/${x.n}`);
    const v = VERDICT_WORDS[verdict];
    return {
      verdict,
      headline: L(
        `${v.en}: share of runs that learned the latch (held-out accuracy ≥ ${SUCCESS_ACCURACY}) — ${table.join(', ')}${falls ? `; it falls from ${fmt(first)} to ${fmt(last)} as the span grows` : '; it does not fall with the span'}. The paper’s own curve could not be read here.`,
        `${v['zh-CN']}：学会锁存（留出集准确率 ≥ ${SUCCESS_ACCURACY}）的运行比例——${table.join('，')}${falls ? `；随跨度增大从 ${fmt(first)} 降到 ${fmt(last)}` : '；它没有随跨度下降'}。论文本身的曲线这里无法读到。`,
      ),
      measured: rate.map((x) =>
        measure(
          L(`P(success) at T = ${x.T}`, `T = ${x.T} 时的成功概率`),
          x.ok / x.n,
          L(`${x.ok} of ${x.n} runs`, `${x.n} 次运行中 ${x.ok} 次`),
        ),
      ),
      figures: [
        {
          title: L('Latch: held-out loss by span', '锁存：各跨度的留出集损失'),
          chart: 'loss',
          runIds: runs.map((r) => r.run.id),
          settings: {
            metrics: ['heldoutLoss'],
            groupSeeds: true,
            band: 'minmax',
            baseline: Math.LN2,
            fileName: figureName(ID, 'heldout'),
          },
        },
      ],
    };
  },
};

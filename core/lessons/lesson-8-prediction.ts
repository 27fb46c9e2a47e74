/** Lesson 8: vanishing gradients hurt training, not prediction; an explosion (NaN/Inf weights) breaks prediction too. */
import type { ExperimentSpecInput, LessonScale } from '../api';
import { countNonFinite, decayPerStep, fmt, meanSquaredError, variance } from './fit';
import { figureName, measure, SIZES } from './presets';
import { L, paragraphs } from './text';
import type { LessonDefinition } from './types';

/** Held-out sequences each model predicts. */
export const PREDICTION_COUNT = 256;

const TRAINED: Record<LessonScale, { T: number; hidden: number; steps: number }> = {
  default: { T: 10, hidden: 32, steps: 600 },
  reduced: { T: 10, hidden: 32, steps: 400 },
};

function trainedSpec(scale: LessonScale): ExperimentSpecInput {
  const s = TRAINED[scale];
  return {
    name: `lesson 8: tanh RNN trained on adding T=${s.T}`,
    task: { kind: 'adding', seqLen: s.T },
    model: { cell: 'rnn', activation: 'tanh', hidden: s.hidden, init: { recurrent: 'orthogonal' } },
    train: { optimizer: 'adam', lr: 0.01, batch: 32, steps: s.steps, seed: 1, evalEvery: 25, checkpointEvery: s.steps },
    probe: { every: 100, batch: 32 },
  };
}

/**
 * A ReLU RNN with Wh = 1.2·I trained by SGD: its gradient grows ×1.2 per step back, the first steps overflow,
 * and the diverging update writes NaN into every weight. (The tanh configuration of lessons 2 and 5 stops one
 * step earlier, when its loss overflows while its weights are still finite, if astronomically large.)
 */
function divergingSpec(scale: LessonScale): ExperimentSpecInput {
  const s = SIZES[scale];
  return {
    name: 'lesson 8: diverging ReLU RNN (Wh = 1.2·I, SGD)',
    task: { kind: 'adding', seqLen: s.T },
    model: { cell: 'rnn', activation: 'relu', hidden: s.hidden, init: { recurrent: 'identity', gain: 1.2 } },
    train: { optimizer: 'sgd', lr: 0.01, batch: 32, steps: 100, seed: 1, evalEvery: 25, checkpointEvery: 25 },
    probe: { every: 0 },
  };
}

export const lesson8: LessonDefinition = {
  id: 8,
  title: L('Training breaks, prediction does not', '训练受阻，预测不受影响'),
  claim: L(
    'Vanishing gradients hurt training, not prediction: a trained network still predicts; an explosion (NaN/Inf weights) breaks prediction too.',
    '梯度消失妨碍的是训练而不是预测：训练好的网络照样能预测；而梯度爆炸（权重变成 NaN/Inf）连预测也一并破坏。',
  ),
  explanation: paragraphs(
    L(
      'Vanishing is a property of the backward pass. It decides what a network can learn (dependencies longer than its gradient horizon stay out of reach) but it does not touch the forward pass: whatever the weights encode, the network computes with ordinary finite numbers, and a trained network predicts as well as its training allowed.',
      '梯度消失是反向传播的性质。它决定网络能学到什么（超出梯度视界的依赖学不到），但不影响前向传播：无论权重编码了什么，网络都用普通的有限数计算，训练好的网络能预测得和它的训练所允许的一样好。',
    ),
    L(
      'An explosion is different. The step that follows an exploding gradient writes ∞ or NaN into the weights, and from then on every forward pass carries them: IEEE arithmetic propagates NaN through every sum and product it enters (NaN·0 = NaN, ∞ − ∞ = NaN), so every output of the network is NaN, whatever the input. The model is not just inaccurate; it no longer predicts anything.',
      '梯度爆炸则不同。爆炸梯度之后的那一步更新把 ∞ 或 NaN 写进权重，此后每一次前向传播都带着它们：IEEE 浮点运算会让 NaN 传遍它参与的每一次加法和乘法（NaN·0 = NaN，∞ − ∞ = NaN），于是无论输入是什么，网络的每个输出都是 NaN。这个模型不只是不准，而是什么也预测不了了。',
    ),
    L(
      'The lesson trains a small tanh RNN on the adding problem at T = 10 (whose gradient still shrinks at every step back) and lets a ReLU RNN with Wh = 1.2·I diverge under SGD; the lab writes the weights of the diverging step into the run’s last checkpoint. Both stored models then predict held-out sequences.',
      '本课在 T = 10 的加法问题上训练一个小的 tanh RNN（它的梯度每回传一步仍在缩小），并让一个 Wh = 1.2·I 的 ReLU RNN 在 SGD 下发散；实验室把发散那一步的权重写入该运行的最后一个检查点。然后用两个保存下来的模型预测留出序列。',
    ),
  ),
  plan: (scale) => {
    const s = TRAINED[scale];
    return L(
      `2 runs: a tanh RNN (${s.hidden} units) trained ${s.steps} steps on the adding problem at T = ${s.T}, and a ReLU RNN (Wh = 1.2·I, SGD lr 0.01, T = ${SIZES[scale].T}) until it diverges; then ${PREDICTION_COUNT} held-out predictions from each stored model.`,
      `2 次运行：tanh RNN（${s.hidden} 个隐藏单元）在 T = ${s.T} 的加法问题上训练 ${s.steps} 步；ReLU RNN（Wh = 1.2·I，SGD 学习率 0.01，T = ${SIZES[scale].T}）一直训练到发散；然后用每个保存的模型做 ${PREDICTION_COUNT} 个留出预测。`,
    );
  },
  items: (scale) => [
    { kind: 'run', key: 'trained', spec: trainedSpec(scale) },
    { kind: 'run', key: 'diverged', spec: divergingSpec(scale) },
  ],
  async evaluate(data) {
    const trained = data.run('trained');
    const diverged = data.run('diverged');
    const pt = await data.predictions('trained', PREDICTION_COUNT);
    const pd = await data.predictions('diverged', PREDICTION_COUNT);
    const mseT = meanSquaredError(pt.predicted, pt.target);
    const baseT = variance(pt.target);
    const badT = countNonFinite(pt.predicted);
    const badD = countNonFinite(pd.predicted);
    const mseD = meanSquaredError(pd.predicted, pd.target);
    const decay = decayPerStep(trained.profile()?.hNorms ?? []);
    const div = diverged.run.divergence;
    const predicts = trained.run.status === 'completed' && badT === 0 && mseT < 0.5 * baseT;
    const broken =
      diverged.run.status === 'diverged' &&
      pd.nonFiniteWeights > 0 &&
      badD === pd.predicted.length &&
      pd.predicted.length > 0;
    const ok = predicts && broken;
    const n = pt.predicted.length;
    const trainedText = L(
      `the trained RNN (its gradient still shrinking ×${fmt(decay.rate)} per step back) predicts all ${n} held-out sums with finite outputs, MSE ${fmt(mseT)} against ${fmt(baseT)} for predicting the mean`,
      `训练好的 RNN（其梯度每回传一步仍缩小为 ×${fmt(decay.rate)}）对全部 ${n} 个留出序列的和都给出有限输出，MSE ${fmt(mseT)}，而预测均值为 ${fmt(baseT)}`,
    );
    const brokenText = div
      ? L(
          `the run that diverged at step ${div.step} holds ${pd.nonFiniteWeights} NaN/∞ values among its ${pd.weights} weights and outputs NaN/∞ for ${badD} of ${pd.predicted.length} sequences`,
          `在第 ${div.step} 步发散的运行，其 ${pd.weights} 个权重中有 ${pd.nonFiniteWeights} 个是 NaN/∞，对 ${pd.predicted.length} 个序列中的 ${badD} 个输出 NaN/∞`,
        )
      : L(
          `the exploding run did not diverge (${badD} of ${pd.predicted.length} outputs non-finite)`,
          `会爆炸的运行没有发散（${pd.predicted.length} 个输出中 ${badD} 个非有限）`,
        );
    const of = (total: number) => L(`of ${total}`, `共 ${total} 个`);
    const divUnit = div ? L(`${div.tensor} non-finite`, `${div.tensor} 出现非有限值`) : L('did not diverge', '未发散');
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline: ok
        ? L(
            `Borne out: ${trainedText.en}; ${brokenText.en}.`,
            `得到证实：${trainedText['zh-CN']}；${brokenText['zh-CN']}。`,
          )
        : L(
            `Not borne out: ${trainedText.en}; ${brokenText.en}.`,
            `未得到证实：${trainedText['zh-CN']}；${brokenText['zh-CN']}。`,
          ),
      measurements: [
        measure(L('trained: held-out MSE', '已训练：留出集 MSE'), mseT, L(`${n} sequences`, `${n} 个序列`)),
        measure(L('trained: MSE of predicting the mean', '已训练：预测均值的 MSE'), baseT),
        measure(L('trained: non-finite outputs', '已训练：非有限输出'), badT, of(n)),
        measure(
          L('trained: gradient decay per step back', '已训练：每回传一步的梯度衰减率'),
          decay.rate,
          L('at its final weights', '最终权重下'),
        ),
        measure(L('diverged: at step', '已发散：发散步数'), div?.step ?? null, divUnit),
        measure(
          L('diverged: non-finite weights', '已发散：非有限权重'),
          pd.nonFiniteWeights,
          L(
            `of ${pd.weights}, checkpoint of step ${pd.checkpointStep}`,
            `共 ${pd.weights} 个，第 ${pd.checkpointStep} 步的检查点`,
          ),
        ),
        measure(L('diverged: non-finite outputs', '已发散：非有限输出'), badD, of(pd.predicted.length)),
        measure(L('diverged: held-out MSE', '已发散：留出集 MSE'), mseD),
      ],
      figures: [
        {
          title: L('Predictions against targets', '预测值与目标值'),
          chart: 'predictions',
          runIds: [trained.run.id, diverged.run.id],
          settings: {
            legendNames: {
              [`${trained.run.id}:predictions`]: `trained tanh RNN (T = ${trained.spec.task.kind === 'adding' ? trained.spec.task.seqLen : '?'})`,
              [`${diverged.run.id}:predictions`]: `diverged run (${countNonFinite(pd.predicted)} of ${pd.predicted.length} outputs NaN/∞)`,
            },
            fileName: figureName(8, 'predictions'),
          },
        },
      ],
    };
  },
};

/** Lesson 8: vanishing gradients hurt training, not prediction; an explosion (NaN/Inf weights) breaks prediction too. */
import type { ExperimentSpecInput, LessonScale } from '../api';
import { countNonFinite, decayPerStep, fmt, meanSquaredError, variance } from './fit';
import { figureName, measure, SIZES } from './presets';
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
  title: 'Training breaks, prediction does not',
  claim:
    'Vanishing gradients hurt training, not prediction: a trained network still predicts; an explosion (NaN/Inf weights) breaks prediction too.',
  explanation: [
    'Vanishing is a property of the backward pass. It decides what a network can learn (dependencies longer than its gradient horizon stay out of reach) but it does not touch the forward pass: whatever the weights encode, the network computes with ordinary finite numbers, and a trained network predicts as well as its training allowed.',
    'An explosion is different. The step that follows an exploding gradient writes ∞ or NaN into the weights, and from then on every forward pass carries them: IEEE arithmetic propagates NaN through every sum and product it enters (NaN·0 = NaN, ∞ − ∞ = NaN), so every output of the network is NaN, whatever the input. The model is not just inaccurate; it no longer predicts anything.',
    'The lesson trains a small tanh RNN on the adding problem at T = 10 (whose gradient still shrinks at every step back) and lets a ReLU RNN with Wh = 1.2·I diverge under SGD; the lab writes the weights of the diverging step into the run’s last checkpoint. Both stored models then predict held-out sequences.',
  ].join('\n\n'),
  plan: (scale) => {
    const s = TRAINED[scale];
    return `2 runs: a tanh RNN (${s.hidden} units) trained ${s.steps} steps on the adding problem at T = ${s.T}, and a ReLU RNN (Wh = 1.2·I, SGD lr 0.01, T = ${SIZES[scale].T}) until it diverges; then ${PREDICTION_COUNT} held-out predictions from each stored model.`;
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
    const trainedText = `the trained RNN (its gradient still shrinking ×${fmt(decay.rate)} per step back) predicts all ${pt.predicted.length} held-out sums with finite outputs, MSE ${fmt(mseT)} against ${fmt(baseT)} for predicting the mean`;
    const brokenText = div
      ? `the run that diverged at step ${div.step} holds ${pd.nonFiniteWeights} NaN/∞ values among its ${pd.weights} weights and outputs NaN/∞ for ${badD} of ${pd.predicted.length} sequences`
      : `the exploding run did not diverge (${badD} of ${pd.predicted.length} outputs non-finite)`;
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline: `${ok ? 'Borne out' : 'Not borne out'}: ${trainedText}; ${brokenText}.`,
      measurements: [
        measure('trained: held-out MSE', mseT, `${pt.predicted.length} sequences`),
        measure('trained: MSE of predicting the mean', baseT),
        measure('trained: non-finite outputs', badT, `of ${pt.predicted.length}`),
        measure('trained: gradient decay per step back', decay.rate, 'at its final weights'),
        measure('diverged: at step', div?.step ?? null, div ? `${div.tensor} non-finite` : 'did not diverge'),
        measure(
          'diverged: non-finite weights',
          pd.nonFiniteWeights,
          `of ${pd.weights}, checkpoint of step ${pd.checkpointStep}`,
        ),
        measure('diverged: non-finite outputs', badD, `of ${pd.predicted.length}`),
        measure('diverged: held-out MSE', mseD),
      ],
      figures: [
        {
          title: 'Predictions against targets',
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

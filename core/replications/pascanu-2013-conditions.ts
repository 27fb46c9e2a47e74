/**
 * Pascanu, Mikolov & Bengio 2013: σ_max(Wh) < 1/γ is sufficient for vanishing gradients and σ_max > 1/γ is
 * necessary for exploding ones (γ bounds the activation's derivative: 1 for tanh, 1/4 for sigmoid); and
 * clipping the gradient norm rescues training that explodes.
 */
import type { ExperimentSpecInput, ReplicationScale } from '../api';
import { decayPerStep, fmt } from '../lessons/fit';
import { explodingSpec, initialProfileSpec, measure } from '../lessons/presets';
import { figureName, seeds, VERDICT_WORDS, verdictOf } from './common';
import type { ReplicationDefinition, ReplicationRun } from './types';

const ID = 'pascanu-2013-conditions';
export const GAMMA = { tanh: 1, sigmoid: 1 / 4 } as const;
type Act = keyof typeof GAMMA;

/** σ_max(Wh) values as multiples of 1/γ: Wh = gain·Q (Q orthogonal) has every singular value equal to gain. */
const MULTIPLES: Record<ReplicationScale, number[]> = {
  full: [0.25, 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 3],
  reduced: [0.5, 0.9, 1.1, 1.5, 2.5],
  smallest: [0.5, 2],
};
const CLIP_SEEDS: Record<ReplicationScale, number> = { full: 20, reduced: 3, smallest: 1 };
const T: Record<ReplicationScale, number> = { full: 100, reduced: 50, smallest: 10 };

function profileBase(act: Act, scale: ReplicationScale): ExperimentSpecInput {
  const spec = initialProfileSpec(
    `${ID}: ${act} RNN, Wh = gain·orthogonal`,
    scale === 'full' ? 'default' : 'reduced',
    { cell: 'rnn', activation: act, init: { recurrent: 'orthogonal' } },
    T[scale],
  );
  return {
    ...spec,
    train: { ...spec.train, steps: 1, evalEvery: 1, checkpointEvery: 1 },
    probe: { ...spec.probe, every: 1 },
  };
}

function clipBase(clip: boolean, scale: ReplicationScale): ExperimentSpecInput {
  const spec = explodingSpec(
    `${ID}: exploding tanh RNN, ${clip ? 'clipped at 1' : 'no clipping'}`,
    scale === 'full' ? 'default' : 'reduced',
    clip,
  );
  return scale === 'smallest'
    ? {
        ...spec,
        task: { kind: 'adding', seqLen: 10 },
        train: { ...spec.train, steps: 10, evalEvery: 5, checkpointEvery: 10 },
        probe: { every: 10, batch: 8 },
      }
    : spec;
}

/** A clipping run succeeds when it trains all its steps to a finite held-out loss. */
function trained(r: ReplicationRun): boolean {
  const l = r.run.final.heldoutLoss ?? r.run.final.loss;
  return r.run.status === 'completed' && typeof l === 'number' && Number.isFinite(l);
}

export const pascanu2013: ReplicationDefinition = {
  id: ID,
  paper: {
    authors: 'R. Pascanu, T. Mikolov, Y. Bengio',
    year: 2013,
    title: 'On the difficulty of training recurrent neural networks',
    venue: 'ICML 2013 (PMLR 28(3), 1310–1318); arXiv:1211.5063',
    url: 'https://arxiv.org/abs/1211.5063',
  },
  claim:
    'σ_max(Wh) < 1/γ is sufficient for the long-term gradient components to vanish, σ_max(Wh) > 1/γ is necessary for them to explode (γ = 1 for tanh, 1/4 for sigmoid), and norm clipping keeps an exploding network trainable.',
  published: [
    {
      label: 'vanishing: sufficient condition, tanh (1/γ)',
      value: 1 / GAMMA.tanh,
      text: 'It is sufficient that the largest singular value of the recurrent weight matrix be below 1/γ for the long-term components to vanish; γ = 1 for tanh.',
      source:
        'Section 2.1 (the exploding and vanishing gradient analysis) of arXiv:1211.5063; the condition and γ values as the issue states them — the passage itself was not retrievable from the stored copies (arxiv-vanity.com showed the introduction only)',
      provenance: 'second-hand',
    },
    {
      label: 'vanishing: sufficient condition, sigmoid (1/γ)',
      value: 1 / GAMMA.sigmoid,
      text: 'The same condition with γ = 1/4 for the logistic sigmoid: σ_max(Wh) < 4.',
      source: 'As above (Section 2.1, arXiv:1211.5063), second-hand',
      provenance: 'second-hand',
    },
    {
      label: 'exploding: necessary condition',
      value: null,
      text: 'By the converse, σ_max(Wh) > 1/γ is necessary (not sufficient) for gradients to explode.',
      source: 'As above (Section 2.1, arXiv:1211.5063), second-hand',
      provenance: 'second-hand',
    },
    {
      label: 'clipping: success rate with and without clipping',
      value: null,
      text: 'The paper reports that clipping the gradient norm lets SGD solve its synthetic long-term tasks; its success-rate figures could not be read here, so none is quoted.',
      source: 'Section 4 (experiments) of arXiv:1211.5063: not retrievable from the stored copies',
      provenance: 'not-found',
    },
  ],
  plan: (scale) =>
    `${2 * MULTIPLES[scale].length} initial gradient profiles (tanh and sigmoid RNN, T = ${T[scale]}, Wh = gain·orthogonal with σ_max = ${MULTIPLES[scale].join(', ')} × 1/γ) and ${2 * CLIP_SEEDS[scale]} training runs of the exploding tanh RNN of lesson 2 with and without norm clipping at 1 (${CLIP_SEEDS[scale]} seed${CLIP_SEEDS[scale] > 1 ? 's' : ''} each).`,
  differences: [
    'The conditions are checked on the measured per-step factor of ‖∂L/∂h_t‖ (a log-linear fit of the initial profile), with Wh = gain·Q so that σ_max is exactly the gain; the paper proves them for any Wh.',
    'Clipping is tested on the lab’s adding problem with a tanh RNN whose Wh has spectral radius 2 (the configuration of lessons 2 and 5), not on the paper’s temporal-order and other synthetic tasks; success means all steps trained to a finite held-out loss.',
  ],
  items: (scale) => [
    ...(['tanh', 'sigmoid'] as const).map((act) => ({
      kind: 'sweep' as const,
      key: `profile-${act}`,
      name: `${ID}: ${act} σ_max sweep (${scale})`,
      base: profileBase(act, scale),
      grid: { 'model.init.gain': MULTIPLES[scale].map((m) => m / GAMMA[act]) },
    })),
    ...[false, true].map((clip) => ({
      kind: 'sweep' as const,
      key: clip ? 'clipped' : 'unclipped',
      name: `${ID}: ${clip ? 'clipped' : 'unclipped'} (${scale})`,
      base: clipBase(clip, scale),
      grid: { 'train.seed': seeds(CLIP_SEEDS[scale]) },
    })),
  ],
  evaluate(data) {
    const rows = (['tanh', 'sigmoid'] as const).map((act) => {
      const pts = data
        .sweep(`profile-${act}`)
        .map((r) => ({ r, sigma: r.spec.model.init.gain, rate: decayPerStep(r.profile(0)?.hNorms ?? []).rate }));
      const bound = 1 / GAMMA[act];
      const below = pts.filter((p) => p.sigma < bound);
      const sufficient = below.every((p) => p.rate < 1);
      const necessary = pts.filter((p) => p.rate > 1).every((p) => p.sigma > bound);
      const firstGrowing = pts.filter((p) => p.rate >= 1).sort((a, b) => a.sigma - b.sigma)[0];
      return { act, pts, bound, sufficient, necessary, firstGrowing };
    });
    const un = data.sweep('unclipped');
    const cl = data.sweep('clipped');
    const okUn = un.filter(trained).length;
    const okCl = cl.filter(trained).length;
    const clipHelps = okCl > okUn || (okCl === cl.length && okUn < un.length);
    const verdict = verdictOf([...rows.map((x) => x.sufficient && x.necessary), clipHelps]);
    const condText = rows
      .map(
        (x) =>
          `${x.act} (1/γ = ${fmt(x.bound)}): per-step factor ${x.pts.map((p) => `${fmt(p.rate)} at σ_max ${fmt(p.sigma)}`).join(', ')}; ${x.sufficient ? 'every σ_max below 1/γ vanishes' : 'a σ_max below 1/γ did not vanish'}${x.firstGrowing ? `, growth first at σ_max ${fmt(x.firstGrowing.sigma)}` : ', none grows'}`,
      )
      .join('; ');
    return {
      verdict,
      headline: `${VERDICT_WORDS[verdict]}: ${condText}. Clipping: ${okCl}/${cl.length} clipped runs trained to the end against ${okUn}/${un.length} without clipping.`,
      measured: [
        ...rows.flatMap((x) => [
          measure(`${x.act}: 1/γ`, x.bound),
          ...x.pts.map((p) =>
            measure(`${x.act}: factor per step at σ_max = ${fmt(p.sigma)}`, p.rate, p.rate < 1 ? 'vanishes' : 'grows'),
          ),
          measure(
            `${x.act}: smallest σ_max whose gradient grows`,
            x.firstGrowing?.sigma ?? null,
            x.firstGrowing ? 'σ_max' : 'none grew',
          ),
        ]),
        measure('clipping: runs trained to the end', okCl, `of ${cl.length}`),
        measure('no clipping: runs trained to the end', okUn, `of ${un.length}`),
      ],
      figures: [
        ...rows.map((x) => ({
          title: `${x.act}: factor per step vs σ_max (1/γ = ${fmt(x.bound)})`,
          chart: 'sweep' as const,
          runIds: x.pts.map((p) => p.r.run.id),
          settings: {
            sweepX: 'sigmaMax',
            sweepY: ['decayRate'],
            probeStep: 0,
            fileName: figureName(ID, `${x.act}-sweep`),
          },
        })),
        {
          title: 'Gradient norm with and without clipping',
          chart: 'gradnorm' as const,
          runIds: [...un, ...cl].map((r) => r.run.id),
          settings: { clipThreshold: 1, fileName: figureName(ID, 'clipping') },
        },
      ],
    };
  },
};

/** Arjovsky, Shah & Bengio 2016: on the copy memory task at T = 100 the LSTM and the tanh RNN sit at the memoryless baseline. */
import type { ExperimentSpecInput, ReplicationScale } from '../api';
import { fmt } from '../lessons/fit';
import { lateHeldout, measure } from '../lessons/presets';
import { copyBaseline } from '../tasks/copy';
import { figureName, legendNames, VERDICT_WORDS, verdictOf } from './common';
import type { ReplicationDefinition } from './types';

const ID = 'arjovsky-2016-copy';
/** "At the baseline": the late held-out cross-entropy within this relative distance of it. */
export const NEAR = 0.1;

const SIZES: Record<ReplicationScale, { T: number; hidden: number; steps: number }> = {
  full: { T: 100, hidden: 128, steps: 10_000 },
  reduced: { T: 100, hidden: 32, steps: 500 },
  smallest: { T: 5, hidden: 4, steps: 10 },
};

const MODELS = [
  { key: 'lstm', label: 'LSTM', model: { cell: 'lstm' } },
  { key: 'rnn', label: 'tanh RNN', model: { cell: 'rnn', activation: 'tanh' } },
] as const;

function spec(m: (typeof MODELS)[number], scale: ReplicationScale): ExperimentSpecInput {
  const s = SIZES[scale];
  return {
    name: `${ID}: ${m.label}, copy T=${s.T}`,
    task: { kind: 'copy', seqLen: s.T, symbols: 8, copyLength: 10 },
    model: { hidden: s.hidden, ...m.model },
    train: {
      optimizer: 'rmsprop',
      lr: 0.003,
      batch: 32,
      steps: s.steps,
      seed: 1,
      evalEvery: Math.max(5, Math.round(s.steps / 20)),
      checkpointEvery: s.steps,
      clip: { mode: 'norm', threshold: 1 },
    },
    probe: { every: s.steps, batch: 8 },
  };
}

export const arjovsky2016: ReplicationDefinition = {
  id: ID,
  paper: {
    authors: 'M. Arjovsky, A. Shah, Y. Bengio',
    year: 2016,
    title: 'Unitary evolution recurrent neural networks',
    venue: 'ICML 2016 (PMLR 48); arXiv:1511.06464',
    url: 'https://arxiv.org/abs/1511.06464',
  },
  claim:
    'On the copy memory task at T = 100, the LSTM and the tanh RNN do not beat the memoryless baseline 10·ln 8/(T + 20): their cross-entropy curves sit at it.',
  published: [
    {
      label: 'memoryless baseline, T = 100',
      value: copyBaseline(100, 8, 10),
      text: 'A memoryless strategy that outputs blanks and then 10 random symbols of 8 scores 10·ln 8 / (T + 20) in cross-entropy; computed here for T = 100.',
      source:
        'Section 4.1 (copying memory problem) of arXiv:1511.06464: the formula as the issue states it, computed by copyBaseline in core/tasks/copy.ts; the paper’s passage was not retrievable from the stored copies',
      provenance: 'computed',
    },
    {
      label: 'LSTM and RNN cross-entropy on copy T = 100',
      value: null,
      text: 'In the paper’s copying-problem figure the LSTM and RNN curves stay at the baseline; their plotted values could not be read here, so none is quoted.',
      source: 'Copying-memory results figure of arXiv:1511.06464: not retrievable from the stored copies',
      provenance: 'not-found',
    },
  ],
  plan: (scale) => {
    const s = SIZES[scale];
    return `2 runs on the copy task (8 symbols, 10 to copy) at T = ${s.T}, ${s.hidden} units, RMSprop lr 0.003 with norm clipping at 1, batch 32, ${s.steps} steps: an LSTM and a tanh RNN (orthogonal Wh).`;
  },
  differences: [
    'The reduced form keeps T = 100 but trains for 500 steps of batch 32 (16,000 sequences) at 32 units; the paper trains far longer with larger networks. A curve that is still falling toward the baseline then counts as "at the baseline" only within the stated tolerance.',
    `"At the baseline" is read as a late held-out cross-entropy within ${NEAR * 100}% of it; a curve more than ${NEAR * 100}% below it beats it (against the paper), one above it has not reached it yet. No unitary cell is included.`,
  ],
  items: (scale) => MODELS.map((m) => ({ kind: 'run' as const, key: m.key, spec: spec(m, scale) })),
  evaluate(data) {
    const first = data.run('lstm');
    const t = first.spec.task.kind === 'copy' ? first.spec.task : null;
    const baseline = t ? copyBaseline(t.seqLen, t.symbols, t.copyLength) : NaN;
    const rows = MODELS.map((m) => {
      const r = data.run(m.key);
      const xent = lateHeldout(r);
      return { ...m, r, xent, ratio: xent / baseline };
    });
    // Beating the baseline would contradict the paper; not yet reaching it is a shorter training's shortfall.
    const notBeaten = rows.map((x) => x.ratio >= 1 - NEAR);
    const reached = rows.every((x) => Math.abs(x.ratio - 1) <= NEAR);
    const verdict = verdictOf([...notBeaten, reached]);
    return {
      verdict,
      headline: `${VERDICT_WORDS[verdict]}: late held-out cross-entropy at T = ${t?.seqLen} — ${rows.map((x) => `${x.label} ${fmt(x.xent)} (${fmt(x.ratio)} × baseline${x.ratio < 1 - NEAR ? ', below it' : Math.abs(x.ratio - 1) <= NEAR ? ', at it' : ', still above it'})`).join(', ')}; memoryless baseline 10·ln 8/(T + 20) = ${fmt(baseline)}.`,
      measured: [
        measure('memoryless baseline 10·ln 8/(T + 20)', baseline, 'nats per step'),
        ...rows.flatMap((x) => [
          measure(`${x.label}: late held-out cross-entropy`, x.xent, 'median of the last quarter'),
          measure(`${x.label}: ratio to the baseline`, x.ratio),
        ]),
      ],
      figures: [
        {
          title: `Copy memory, T = ${t?.seqLen}, against the memoryless baseline`,
          chart: 'loss',
          runIds: rows.map((x) => x.r.run.id),
          settings: {
            metrics: ['heldoutLoss'],
            baseline,
            legendNames: legendNames(rows.map((x) => x.r)),
            fileName: figureName(ID, 'copy'),
          },
        },
      ],
    };
  },
};

/** Lesson 6: non-saturating activations avoid small derivatives; IRNN learns long dependencies; ReLU can explode. */
import type { ExperimentSpecInput, LessonScale } from '../api';
import { addingLevels } from './adding-levels';
import { decayPerStep, fmt, gradientRatio } from './fit';
import {
  ADDING_ONE_NUMBER_MSE,
  figureName,
  initialProfileSpec,
  lateHeldout,
  measure,
  shortNames,
  SIZES,
} from './presets';
import type { LessonDefinition } from './types';

const IRNN: Record<LessonScale, { T: number; hidden: number; steps: number; lr: number }> = {
  default: { T: 100, hidden: 32, steps: 1000, lr: 0.003 },
  reduced: { T: 50, hidden: 16, steps: 300, lr: 0.01 },
};

/** Wh = 1.2·I: every active ReLU unit's Jacobian is exactly 1.2, so the gradient grows ×1.2 per step back. */
const EXPLODE_GAIN = 1.2;

function irnnSpec(scale: LessonScale): ExperimentSpecInput {
  const s = IRNN[scale];
  return {
    name: `lesson 6: IRNN (ReLU, Wh = I), adding T=${s.T}`,
    task: { kind: 'adding', seqLen: s.T },
    model: { cell: 'rnn', activation: 'relu', hidden: s.hidden, init: { recurrent: 'identity' } },
    train: {
      optimizer: 'adam',
      lr: s.lr,
      batch: 32,
      steps: s.steps,
      seed: 1,
      evalEvery: 25,
      checkpointEvery: s.steps,
      clip: { mode: 'norm', threshold: 1 },
    },
    probe: { every: 50, batch: SIZES[scale].probeBatch },
  };
}

const PROFILES = [
  {
    key: 'sigmoid',
    label: 'sigmoid, Wh orthogonal',
    model: { cell: 'rnn', activation: 'sigmoid', init: { recurrent: 'orthogonal' } },
  },
  {
    key: 'leaky',
    label: 'LeakyReLU, Wh = I',
    model: { cell: 'rnn', activation: 'leaky_relu', init: { recurrent: 'identity' } },
  },
  { key: 'elu', label: 'ELU, Wh = I', model: { cell: 'rnn', activation: 'elu', init: { recurrent: 'identity' } } },
  {
    key: 'relu-explode',
    label: `ReLU, Wh = ${EXPLODE_GAIN}·I`,
    model: { cell: 'rnn', activation: 'relu', init: { recurrent: 'identity', gain: EXPLODE_GAIN } },
  },
] as const;

export const lesson6: LessonDefinition = {
  id: 6,
  title: 'ReLU, identity initialisation and IRNN',
  claim:
    'Non-saturating activations avoid the small derivatives of the sigmoid; with an identity recurrent initialisation a ReLU RNN (IRNN) learns long dependencies, but a ReLU RNN can also explode.',
  explanation: [
    'ReLU(a) = max(0, a) has derivative exactly 1 for every active unit and 0 otherwise; LeakyReLU keeps a small slope 0.01 for a < 0; ELU is a for a > 0 and e^a − 1 below. None of them saturates for positive inputs, so diag(f′(aₜ)) does not shrink the gradient the way σ′ ≤ 1/4 does.',
    'With Wh = I (the IRNN of Le, Jaitly & Hinton, 2015) the Jacobian of an active unit is exactly 1: the state and its gradient are carried unchanged until the network learns otherwise, like an LSTM with an open forget gate.',
    'The same property cuts the other way: nothing bounds a ReLU unit, and a Wh that stretches makes both the state and the gradient grow geometrically; with Wh = 1.2·I every active unit multiplies the gradient by exactly 1.2 per step. IRNNs are therefore trained with gradient clipping.',
    'The lesson measures the initial gradient profiles of sigmoid, ReLU, LeakyReLU and ELU RNNs, trains the IRNN on the adding problem (Adam, clipping at 1; its held-out loss is taken as the median over the last quarter of training, as an IRNN’s loss jumps about), and measures a ReLU RNN with Wh = 1.2·I.',
  ].join('\n\n'),
  plan: (scale) => {
    const s = IRNN[scale];
    return `5 runs at ${SIZES[scale].hidden} units, T = ${SIZES[scale].T}: initial gradient profiles of sigmoid, LeakyReLU and ELU RNNs and of a ReLU RNN with Wh = ${EXPLODE_GAIN}·I; the IRNN (${s.hidden} units) trained on the adding problem at T = ${s.T} for ${s.steps} steps (Adam lr ${s.lr}, clipping at 1).`;
  },
  items: (scale) => [
    { kind: 'run', key: 'irnn', spec: irnnSpec(scale) },
    ...PROFILES.map((p) => ({
      kind: 'run' as const,
      key: p.key,
      spec: initialProfileSpec(`lesson 6: ${p.label}`, scale, p.model),
    })),
  ],
  evaluate(data) {
    const irnn = data.run('irnn');
    const sig = data.run('sigmoid');
    const leaky = data.run('leaky');
    const elu = data.run('elu');
    const boom = data.run('relu-explode');
    const h = (r: typeof sig) => r.profile(0)?.horizon ?? NaN;
    const hSig = h(sig);
    const nonSat = [
      { label: 'ReLU', run: irnn },
      { label: 'LeakyReLU', run: leaky },
      { label: 'ELU', run: elu },
    ].map((x) => ({ ...x, horizon: h(x.run), rate: decayPerStep(x.run.profile(0)?.hNorms ?? []).rate }));
    const rateSig = decayPerStep(sig.profile(0)?.hNorms ?? []).rate;
    const pBoom = boom.profile(0);
    const boomRatio = pBoom ? gradientRatio(pBoom.hNorms) : NaN;
    const boomRate = pBoom ? decayPerStep(pBoom.hNorms).rate : NaN;
    const levels = addingLevels(irnn.spec);
    const oneNumber = levels?.oneNumberMse ?? ADDING_ONE_NUMBER_MSE;
    const heldout = lateHeldout(irnn);
    const T = irnn.spec.task.kind === 'adding' ? irnn.spec.task.seqLen : NaN;

    const keeps = nonSat.every((x) => x.horizon >= Math.max(4 * hSig, hSig + 5));
    // Below 1/12 the net must be using the earlier number, at least T/2 steps back.
    const learns = irnn.run.status === 'completed' && heldout < 0.75 * oneNumber;
    const explodes = boomRatio > 10 && boomRate > 1;
    const ok = keeps && learns && explodes;
    const horizons = `initial horizons: sigmoid ${hSig}, ReLU ${nonSat[0]!.horizon}, LeakyReLU ${nonSat[1]!.horizon}, ELU ${nonSat[2]!.horizon} steps`;
    const irnnText = `the IRNN reaches held-out MSE ${fmt(heldout)} on the adding problem at T = ${T} (later number only: ${fmt(oneNumber)})`;
    const boomText = `a ReLU RNN with Wh = ${EXPLODE_GAIN}·I has ‖∂L/∂h₁‖ = ${fmt(boomRatio)}·‖∂L/∂h_T‖ (×${fmt(boomRate)} per step back)`;
    const headline = ok
      ? `Borne out: ${horizons}; ${irnnText}; but ${boomText}.`
      : `Not borne out: ${horizons}; ${irnnText}; ${boomText}.`;
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure('sigmoid: horizon', hSig, 'steps'),
        measure('sigmoid: decay per step', rateSig, 'factor per step back'),
        ...nonSat.flatMap((x) => [
          measure(`${x.label} (Wh = I): horizon`, x.horizon, 'steps'),
          measure(`${x.label} (Wh = I): decay per step`, x.rate, 'factor per step back'),
        ]),
        measure('IRNN: held-out MSE', heldout, `adding T=${T}, median of the last quarter of training`),
        measure('held-out batch: MSE knowing only the later number', oneNumber),
        measure(`ReLU, Wh = ${EXPLODE_GAIN}·I: ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖`, boomRatio),
        measure(`ReLU, Wh = ${EXPLODE_GAIN}·I: growth per step back`, boomRate, 'factor per step'),
      ],
      figures: [
        {
          title: 'Initial gradient profiles by activation',
          chart: 'profile',
          runIds: [sig.run.id, irnn.run.id, leaky.run.id, elu.run.id, boom.run.id],
          settings: {
            probeStep: 0,
            theoryBound: false,
            legendNames: shortNames([sig, irnn, leaky, elu, boom]),
            fileName: figureName(6, 'profiles'),
          },
        },
        {
          title: `IRNN on the adding problem, T = ${T}`,
          chart: 'loss',
          runIds: [irnn.run.id],
          settings: { metrics: ['heldoutLoss'], baseline: 0.1667, fileName: figureName(6, 'irnn') },
        },
        {
          title: 'IRNN gradient norm (clipped at 1)',
          chart: 'gradnorm',
          runIds: [irnn.run.id],
          settings: { fileName: figureName(6, 'irnn-gradnorm') },
        },
      ],
    };
  },
};

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
  PER_STEP_BACK,
  shortNames,
  SIZES,
  STEPS,
} from './presets';
import { L, paragraphs } from './text';
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
  title: L('ReLU, identity initialisation and IRNN', 'ReLU、单位矩阵初始化与 IRNN'),
  claim: L(
    'Non-saturating activations avoid the small derivatives of the sigmoid; with an identity recurrent initialisation a ReLU RNN (IRNN) learns long dependencies, but a ReLU RNN can also explode.',
    '非饱和激活函数避免了 sigmoid 那样小的导数；循环权重用单位矩阵初始化时，ReLU RNN（IRNN）能学到长程依赖，但 ReLU RNN 也可能爆炸。',
  ),
  explanation: paragraphs(
    L(
      'ReLU(a) = max(0, a) has derivative exactly 1 for every active unit and 0 otherwise; LeakyReLU keeps a small slope 0.01 for a < 0; ELU is a for a > 0 and e^a − 1 below. None of them saturates for positive inputs, so diag(f′(aₜ)) does not shrink the gradient the way σ′ ≤ 1/4 does.',
      'ReLU(a) = max(0, a) 对每个激活的单元导数恰好为 1，否则为 0；LeakyReLU 在 a < 0 时保留 0.01 的小斜率；ELU 在 a > 0 时为 a，否则为 e^a − 1。它们对正输入都不饱和，因此 diag(f′(aₜ)) 不会像 σ′ ≤ 1/4 那样压缩梯度。',
    ),
    L(
      'With Wh = I (the IRNN of Le, Jaitly & Hinton, 2015) the Jacobian of an active unit is exactly 1: the state and its gradient are carried unchanged until the network learns otherwise, like an LSTM with an open forget gate.',
      '当 Wh = I（Le、Jaitly 与 Hinton 2015 年提出的 IRNN）时，激活单元的雅可比恰好为 1：在网络学到别的行为之前，状态及其梯度原样传递，就像遗忘门完全打开的 LSTM。',
    ),
    L(
      'The same property cuts the other way: nothing bounds a ReLU unit, and a Wh that stretches makes both the state and the gradient grow geometrically; with Wh = 1.2·I every active unit multiplies the gradient by exactly 1.2 per step. IRNNs are therefore trained with gradient clipping.',
      '同样的性质也有反面：ReLU 单元没有上界，一个起拉伸作用的 Wh 会让状态和梯度都按几何级数增长；当 Wh = 1.2·I 时，每个激活单元每回传一步都把梯度恰好乘以 1.2。因此训练 IRNN 时要配合梯度裁剪。',
    ),
    L(
      'The lesson measures the initial gradient profiles of sigmoid, ReLU, LeakyReLU and ELU RNNs, trains the IRNN on the adding problem (Adam, clipping at 1; its held-out loss is taken as the median over the last quarter of training, as an IRNN’s loss jumps about), and measures a ReLU RNN with Wh = 1.2·I.',
      '本课测量 sigmoid、ReLU、LeakyReLU 和 ELU RNN 的初始梯度剖面，在加法问题上训练 IRNN（Adam，裁剪阈值 1；由于 IRNN 的损失波动较大，留出集损失取训练最后四分之一的中位数），并测量 Wh = 1.2·I 的 ReLU RNN。',
    ),
  ),
  plan: (scale) => {
    const s = IRNN[scale];
    return L(
      `5 runs at ${SIZES[scale].hidden} units, T = ${SIZES[scale].T}: initial gradient profiles of sigmoid, LeakyReLU and ELU RNNs and of a ReLU RNN with Wh = ${EXPLODE_GAIN}·I; the IRNN (${s.hidden} units) trained on the adding problem at T = ${s.T} for ${s.steps} steps (Adam lr ${s.lr}, clipping at 1).`,
      `5 次运行，${SIZES[scale].hidden} 个隐藏单元，T = ${SIZES[scale].T}：sigmoid、LeakyReLU、ELU RNN 以及 Wh = ${EXPLODE_GAIN}·I 的 ReLU RNN 的初始梯度剖面；IRNN（${s.hidden} 个隐藏单元）在 T = ${s.T} 的加法问题上训练 ${s.steps} 步（Adam 学习率 ${s.lr}，裁剪阈值 1）。`,
    );
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
    const horizons = L(
      `initial horizons: sigmoid ${hSig}, ReLU ${nonSat[0]!.horizon}, LeakyReLU ${nonSat[1]!.horizon}, ELU ${nonSat[2]!.horizon} steps`,
      `初始梯度视界：sigmoid ${hSig}、ReLU ${nonSat[0]!.horizon}、LeakyReLU ${nonSat[1]!.horizon}、ELU ${nonSat[2]!.horizon} 步`,
    );
    const irnnText = L(
      `the IRNN reaches held-out MSE ${fmt(heldout)} on the adding problem at T = ${T} (later number only: ${fmt(oneNumber)})`,
      `IRNN 在 T = ${T} 的加法问题上留出集 MSE 达到 ${fmt(heldout)}（只记住后一个数：${fmt(oneNumber)}）`,
    );
    const boomText = L(
      `a ReLU RNN with Wh = ${EXPLODE_GAIN}·I has ‖∂L/∂h₁‖ = ${fmt(boomRatio)}·‖∂L/∂h_T‖ (×${fmt(boomRate)} per step back)`,
      `Wh = ${EXPLODE_GAIN}·I 的 ReLU RNN 有 ‖∂L/∂h₁‖ = ${fmt(boomRatio)}·‖∂L/∂h_T‖（每回传一步 ×${fmt(boomRate)}）`,
    );
    const headline = ok
      ? L(
          `Borne out: ${horizons.en}; ${irnnText.en}; but ${boomText.en}.`,
          `得到证实：${horizons['zh-CN']}；${irnnText['zh-CN']}；但是${boomText['zh-CN']}。`,
        )
      : L(
          `Not borne out: ${horizons.en}; ${irnnText.en}; ${boomText.en}.`,
          `未得到证实：${horizons['zh-CN']}；${irnnText['zh-CN']}；${boomText['zh-CN']}。`,
        );
    return {
      verdict: ok ? 'supported' : 'not_supported',
      headline,
      measurements: [
        measure(L('sigmoid: horizon', 'sigmoid：梯度视界'), hSig, STEPS),
        measure(L('sigmoid: decay per step', 'sigmoid：每步衰减率'), rateSig, PER_STEP_BACK),
        ...nonSat.flatMap((x) => [
          measure(L(`${x.label} (Wh = I): horizon`, `${x.label}（Wh = I）：梯度视界`), x.horizon, STEPS),
          measure(L(`${x.label} (Wh = I): decay per step`, `${x.label}（Wh = I）：每步衰减率`), x.rate, PER_STEP_BACK),
        ]),
        measure(
          L('IRNN: held-out MSE', 'IRNN：留出集 MSE'),
          heldout,
          L(`adding T=${T}, median of the last quarter of training`, `加法 T=${T}，训练最后四分之一的中位数`),
        ),
        measure(L('held-out batch: MSE knowing only the later number', '留出批次：只知道后一个数的 MSE'), oneNumber),
        measure(
          L(`ReLU, Wh = ${EXPLODE_GAIN}·I: ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖`, `ReLU，Wh = ${EXPLODE_GAIN}·I：‖∂L/∂h₁‖ / ‖∂L/∂h_T‖`),
          boomRatio,
        ),
        measure(
          L(`ReLU, Wh = ${EXPLODE_GAIN}·I: growth per step back`, `ReLU，Wh = ${EXPLODE_GAIN}·I：每回传一步的增长率`),
          boomRate,
          PER_STEP_BACK,
        ),
      ],
      figures: [
        {
          title: L('Initial gradient profiles by activation', '不同激活函数的初始梯度剖面'),
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
          title: L(`IRNN on the adding problem, T = ${T}`, `IRNN 在加法问题上，T = ${T}`),
          chart: 'loss',
          runIds: [irnn.run.id],
          settings: { metrics: ['heldoutLoss'], baseline: 0.1667, fileName: figureName(6, 'irnn') },
        },
        {
          title: L('IRNN gradient norm (clipped at 1)', 'IRNN 的梯度范数（裁剪阈值 1）'),
          chart: 'gradnorm',
          runIds: [irnn.run.id],
          settings: { fileName: figureName(6, 'irnn-gradnorm') },
        },
      ],
    };
  },
};

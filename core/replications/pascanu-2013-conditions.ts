/**
 * Pascanu, Mikolov & Bengio 2013: σ_max(Wh) < 1/γ is sufficient for vanishing gradients and σ_max > 1/γ is
 * necessary for exploding ones (γ bounds the activation's derivative: 1 for tanh, 1/4 for sigmoid); and
 * clipping the gradient norm rescues training that explodes.
 */
import type { ExperimentSpecInput, ReplicationScale } from '../api';
import { decayPerStep, fmt } from '../lessons/fit';
import { explodingSpec, initialProfileSpec, measure } from '../lessons/presets';
import { L } from '../lessons/text';
import { figureName, ofRuns, seeds, VERDICT_WORDS, verdictOf } from './common';
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

/** The place of the analysis in the paper; no page is given because no copy showing the pages was read. */
const PASCANU_PLACE =
  'Section 2.1 (the analysis of exploding and vanishing gradients), arXiv:1211.5063 / ICML 2013; page not known here: the proof was not read in a paginated copy';

export const pascanu2013: ReplicationDefinition = {
  id: ID,
  paper: {
    authors: 'R. Pascanu, T. Mikolov, Y. Bengio',
    year: 2013,
    title: 'On the difficulty of training recurrent neural networks',
    venue: 'ICML 2013 (PMLR 28(3), 1310–1318); arXiv:1211.5063',
    url: 'https://arxiv.org/abs/1211.5063',
  },
  claim: L(
    'σ_max(Wh) < 1/γ is sufficient for the long-term gradient components to vanish, σ_max(Wh) > 1/γ is necessary for them to explode (γ = 1 for tanh, 1/4 for sigmoid), and norm clipping keeps an exploding network trainable.',
    'σ_max(Wh) < 1/γ 是长期梯度分量消失的充分条件，σ_max(Wh) > 1/γ 是它们爆炸的必要条件（tanh 的 γ = 1，sigmoid 的 γ = 1/4）；范数裁剪能让会爆炸的网络继续训练。',
  ),
  published: [
    {
      label: L('vanishing: sufficient condition, tanh (1/γ)', '消失：充分条件，tanh（1/γ）'),
      value: 1 / GAMMA.tanh,
      text: L(
        '“It is sufficient for λ₁ < 1/γ, where λ₁ is the largest singular value of W_rec” and ‖diag(σ′(x_k))‖ ≤ γ, “for the vanishing gradient problem to occur”; for tanh |σ′| ≤ 1, so γ = 1 and the bound is σ_max(W_rec) < 1.',
        '“只要 λ₁ < 1/γ（λ₁ 为 W_rec 的最大奇异值）”且 ‖diag(σ′(x_k))‖ ≤ γ，“就会出现梯度消失问题”；tanh 的 |σ′| ≤ 1，故 γ = 1，界为 σ_max(W_rec) < 1。',
      ),
      source: `${PASCANU_PLACE}. Second-hand: the sentence as quoted in a public study note on RNNs that cites the ICML 2013 paper (found by its text in the stored GitHub index); γ = 1 for tanh as stated in a public Lean formalization of this section`,
      provenance: 'second-hand',
    },
    {
      label: L('vanishing: sufficient condition, sigmoid (1/γ)', '消失：充分条件，sigmoid（1/γ）'),
      value: 1 / GAMMA.sigmoid,
      text: L(
        'The same condition with γ = 1/4 for the logistic sigmoid (the largest value of σ′): σ_max(W_rec) < 4.',
        '对 logistic sigmoid，同一条件中 γ = 1/4（σ′ 的最大值）：σ_max(W_rec) < 4。',
      ),
      source: `${PASCANU_PLACE}. Second-hand: γ = 1/4 for the sigmoid as stated in a public Lean formalization of this section; not read in the paper`,
      provenance: 'second-hand',
    },
    {
      label: L('exploding: necessary condition', '爆炸：必要条件'),
      value: null,
      text: L(
        'By inverting the proof, λ₁ > 1/γ is necessary (not sufficient) for gradients to explode; it is a bound, not a number to quote.',
        '把证明反过来，λ₁ > 1/γ 是梯度爆炸的必要（而非充分）条件；这是一个界，不是可以引用的数。',
      ),
      source: `${PASCANU_PLACE}. Second-hand: the inversion as the public Lean formalization states it (“factors unbounded … force ‖W_rec‖ > 1/γ”); the paper’s own sentence was not read here`,
      provenance: 'second-hand',
    },
    {
      label: L(
        'clipping: threshold and success rate with and without clipping',
        '裁剪：阈值，以及裁剪与不裁剪时的成功率',
      ),
      value: null,
      text: L(
        'The paper’s experiments report success rates of SGD with and without norm clipping on the synthetic long-term tasks, and how the clipping threshold was chosen; neither the rates nor the threshold could be read here, so none is quoted.',
        '论文的实验报告了 SGD 在合成长程任务上裁剪与不裁剪梯度范数时的成功率，以及裁剪阈值的选取；这里既读不到成功率也读不到阈值，因此不引用任何数字。',
      ),
      source:
        'Experiments section (Section 4) and the clipping algorithm of arXiv:1211.5063: not found; the stored arxiv-vanity.com copy shows the abstract and introduction only, and no transcription or LaTeX source of the paper is in the stored GitHub index (pascanur/trainingRNNs holds the code, not the text)',
      provenance: 'not-found',
    },
  ],
  plan: (scale) => {
    const n = CLIP_SEEDS[scale];
    return L(
      `${2 * MULTIPLES[scale].length} initial gradient profiles (tanh and sigmoid RNN, T = ${T[scale]}, Wh = gain·orthogonal with σ_max = ${MULTIPLES[scale].join(', ')} × 1/γ) and ${2 * n} training runs of the exploding tanh RNN of lesson 2 with and without norm clipping at 1 (${n} seed${n > 1 ? 's' : ''} each).`,
      `${2 * MULTIPLES[scale].length} 个初始梯度剖面（tanh 与 sigmoid RNN，T = ${T[scale]}，Wh = 增益·正交矩阵，σ_max = ${MULTIPLES[scale].join('、')} × 1/γ），以及第 2 课会爆炸的 tanh RNN 的 ${2 * n} 次训练运行，分别不裁剪和在 1 处做范数裁剪（各 ${n} 个随机种子）。`,
    );
  },
  differences: [
    L(
      'The conditions are checked on the measured per-step factor of ‖∂L/∂h_t‖ (a log-linear fit of the initial profile), with Wh = gain·Q so that σ_max is exactly the gain; the paper proves them for any Wh.',
      '条件是在测得的 ‖∂L/∂h_t‖ 每步因子（对初始剖面做对数线性拟合）上检验的，取 Wh = 增益·Q，使 σ_max 恰好等于增益；论文则对任意 Wh 给出证明。',
    ),
    L(
      'Clipping is tested on the lab’s adding problem with a tanh RNN whose Wh has spectral radius 2 (the configuration of lessons 2 and 5), not on the paper’s temporal-order and other synthetic tasks; success means all steps trained to a finite held-out loss.',
      '裁剪在实验室的加法问题上检验，使用 Wh 谱半径为 2 的 tanh RNN（第 2、5 课的配置），而不是论文的时序顺序等合成任务；成功指所有步数都训练完且留出集损失有限。',
    ),
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
    const condText = rows.map((x) => {
      const factors = x.pts.map((p) => ({ rate: fmt(p.rate), sigma: fmt(p.sigma) }));
      const grow = x.firstGrowing ? fmt(x.firstGrowing.sigma) : null;
      return L(
        `${x.act} (1/γ = ${fmt(x.bound)}): per-step factor ${factors.map((f) => `${f.rate} at σ_max ${f.sigma}`).join(', ')}; ${x.sufficient ? 'every σ_max below 1/γ vanishes' : 'a σ_max below 1/γ did not vanish'}${grow ? `, growth first at σ_max ${grow}` : ', none grows'}`,
        `${x.act}（1/γ = ${fmt(x.bound)}）：每步因子 ${factors.map((f) => `σ_max ${f.sigma} 时为 ${f.rate}`).join('，')}；${x.sufficient ? '所有低于 1/γ 的 σ_max 都消失' : '有一个低于 1/γ 的 σ_max 没有消失'}${grow ? `，从 σ_max ${grow} 开始增长` : '，没有一个增长'}`,
      );
    });
    const v = VERDICT_WORDS[verdict];
    return {
      verdict,
      headline: L(
        `${v.en}: ${condText.map((c) => c.en).join('; ')}. Clipping: ${okCl}/${cl.length} clipped runs trained to the end against ${okUn}/${un.length} without clipping.`,
        `${v['zh-CN']}：${condText.map((c) => c['zh-CN']).join('；')}。裁剪：裁剪的运行中 ${okCl}/${cl.length} 次训练到最后，不裁剪的为 ${okUn}/${un.length} 次。`,
      ),
      measured: [
        ...rows.flatMap((x) => [
          measure(L(`${x.act}: 1/γ`, `${x.act}：1/γ`), x.bound),
          ...x.pts.map((p) =>
            measure(
              L(
                `${x.act}: factor per step at σ_max = ${fmt(p.sigma)}`,
                `${x.act}：σ_max = ${fmt(p.sigma)} 时的每步因子`,
              ),
              p.rate,
              p.rate < 1 ? L('vanishes', '消失') : L('grows', '增长'),
            ),
          ),
          measure(
            L(`${x.act}: smallest σ_max whose gradient grows`, `${x.act}：梯度开始增长的最小 σ_max`),
            x.firstGrowing?.sigma ?? null,
            x.firstGrowing ? L('σ_max', 'σ_max') : L('none grew', '没有一个增长'),
          ),
        ]),
        measure(L('clipping: runs trained to the end', '裁剪：训练到最后的运行'), okCl, ofRuns(cl.length)),
        measure(L('no clipping: runs trained to the end', '不裁剪：训练到最后的运行'), okUn, ofRuns(un.length)),
      ],
      figures: [
        ...rows.map((x) => ({
          title: L(`${x.act}: per-step factor vs σ_max`, `${x.act}：每步因子与 σ_max`),
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
          title: L('Gradient norm with and without clipping', '裁剪与不裁剪时的梯度范数'),
          chart: 'gradnorm' as const,
          runIds: [...un, ...cl].map((r) => r.run.id),
          settings: { clipThreshold: 1, fileName: figureName(ID, 'clipping') },
        },
      ],
    };
  },
};

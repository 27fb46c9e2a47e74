/**
 * Every word a figure draws, in both of the lab's languages: chart titles, axis labels, the names the
 * adapters give curves, reference lines and events, seed-group counts, divergence labels and the message
 * when a legend does not fit. The window's catalogs live in the renderer, which core may not import, so
 * figures keep this small catalog of their own; settings.lang picks the language. Formulas (‖∂L/∂hₜ‖, γ·σ_max)
 * and numbers (decimal point, Latin digits: the paper convention) are the same in both.
 */
import type { Lang } from '../shared/lang';
import { GROUP_WORDS, type GroupWords } from '../shared/labels';
import type { LossMetric } from './runs/loss';
import type { SweepMeasure } from './settings';

export interface FigureWords {
  trainingStep: string;
  wallTime: string;
  timeStep: string;
  layer(index1: number): string;
  /** Joins a run's name and what part of it a curve shows ("run, train"). */
  part(name: string, what: string): string;
  /** "name: detail", with the colon each language uses. */
  labelled(name: string, detail: string): string;
  divergedAt(step: number): string;
  noData: string;
  notAvailable: string;
  /** Seed groups: " (n = 3)" and, past the fields a label names, " +2 more" (each with its own leading space). */
  group: GroupWords;
  loss: {
    metric: Record<LossMetric, string>;
    title: { loss: string; heldoutLoss: string; both: string };
    yLabel: { loss: string; heldoutLoss: string; both: string };
    baseline(value: string): string;
  };
  gradnorm: { title: string; yLabel: string; clipped: string; clipThreshold(value: string): string };
  horizon: { title: string; yLabel: string };
  profile: {
    title(step: number | undefined, layer: string | undefined): string;
    bound(value: string): string;
    theoryBound: string;
  };
  heatmap: { title(run: string | undefined): string };
  sweep: {
    measures: Record<SweepMeasure, string>;
    horizonTitle: string;
    title(y: string, x: string): string;
    defaultName: string;
  };
  predictions: {
    title: string;
    target: string;
    prediction: string;
    identity: string;
    nonFinite(bad: number, total: number): string;
  };
  /** The SVG's <title> when the figure has none, and its <desc>. */
  versus(y: string, x: string): string;
  exportedBy: string;
  legendTooBig: {
    sizeName(preset: 'single' | 'double' | 'custom', widthIn: string, heightIn: string): string;
    message(total: number, size: string, room: number, minPt: number): string;
    field(total: number, room: number): string;
  };
}

const EN: FigureWords = {
  trainingStep: 'training step',
  wallTime: 'wall time (s)',
  timeStep: 'time step t',
  layer: (i) => `layer ${i}`,
  part: (name, what) => `${name}, ${what}`,
  labelled: (name, detail) => `${name}: ${detail}`,
  divergedAt: (step) => `diverged at step ${step}`,
  noData: 'no data',
  notAvailable: 'n/a',
  group: GROUP_WORDS.en,
  loss: {
    metric: { loss: 'train', heldoutLoss: 'held-out' },
    title: { loss: 'Training loss', heldoutLoss: 'Held-out loss', both: 'Loss' },
    yLabel: { loss: 'loss', heldoutLoss: 'held-out loss', both: 'loss' },
    baseline: (v) => `baseline ${v}`,
  },
  gradnorm: {
    title: 'Gradient norm',
    yLabel: '‖∂L/∂θ‖ (before clipping)',
    clipped: 'clipped',
    clipThreshold: (v) => `clip threshold ${v}`,
  },
  horizon: { title: 'Gradient horizon', yLabel: 'horizon (time steps)' },
  profile: {
    title: (step, layer) =>
      `Gradient norm through time${step === undefined ? '' : ` at step ${step}`}${layer ? `, ${layer}` : ''}`,
    bound: (v) => `bound (γσₘₐₓ = ${v})`,
    theoryBound: 'theory bound',
  },
  heatmap: { title: (run) => (run ? `${run}: gradient norm over training` : 'Gradient norm over training') },
  sweep: {
    measures: {
      spectralRadius: 'spectral radius ρ(Wh)',
      sigmaMax: 'σ_max(Wh)',
      jacobianBound: 'bound γ·σ_max(Wh)',
      horizon: 'horizon',
      twoSidedHorizon: 'two-sided horizon (10^±3)',
      decayRate: 'gradient factor per step back',
      gradRatio: '‖∂L/∂h₁‖ / ‖∂L/∂h_T‖',
      saturation: 'saturated units (share)',
      finalLoss: 'final training loss',
      finalHeldoutLoss: 'final held-out loss',
    },
    horizonTitle: 'Gradient horizon',
    title: (y, x) => `${y} against ${x}`,
    defaultName: 'sweep',
  },
  predictions: {
    title: 'Predictions against targets (held-out)',
    target: 'target',
    prediction: 'prediction',
    identity: 'prediction = target',
    nonFinite: (bad, n) => (bad === n ? ` (all ${n} outputs NaN/∞)` : ` (${bad} of ${n} outputs NaN/∞)`),
  },
  versus: (y, x) => `${y} vs ${x}`,
  exportedBy: 'Figure exported by RNN Gradient Lab (gradlab)',
  legendTooBig: {
    sizeName: (preset, w, h) => (preset === 'custom' ? `${w} × ${h} in` : `${preset}-column (${w} × ${h} in)`),
    message: (total, size, room, minPt) =>
      `The legend does not fit the chosen size: ${total} entries, and a ${size} figure holds at most ${room} at ${minPt} pt while keeping half its width and height for the plot. Choose a larger size, group seeds, or turn the legend off.`,
    field: (total, room) => `${total} legend entries; this size holds at most ${room}`,
  },
};

const ZH: FigureWords = {
  trainingStep: '训练步数',
  wallTime: '运行时间（秒）',
  timeStep: '时间步 t',
  layer: (i) => `第 ${i} 层`,
  part: (name, what) => `${name}，${what}`,
  labelled: (name, detail) => `${name}：${detail}`,
  divergedAt: (step) => `第 ${step} 步发散`,
  noData: '无数据',
  notAvailable: '无数据',
  group: GROUP_WORDS['zh-CN'],
  loss: {
    metric: { loss: '训练集', heldoutLoss: '留出集' },
    title: { loss: '训练损失', heldoutLoss: '留出集损失', both: '损失' },
    yLabel: { loss: '损失', heldoutLoss: '留出集损失', both: '损失' },
    baseline: (v) => `基线 ${v}`,
  },
  gradnorm: {
    title: '梯度范数',
    yLabel: '‖∂L/∂θ‖（裁剪前）',
    clipped: '发生裁剪',
    clipThreshold: (v) => `裁剪阈值 ${v}`,
  },
  horizon: { title: '梯度视界', yLabel: '视界（时间步）' },
  profile: {
    title: (step, layer) =>
      `梯度范数随时间步的变化${step === undefined ? '' : `（第 ${step} 步）`}${layer ? `，${layer}` : ''}`,
    bound: (v) => `上界（γσₘₐₓ = ${v}）`,
    theoryBound: '理论上界',
  },
  heatmap: { title: (run) => (run ? `${run}：训练过程中的梯度范数` : '训练过程中的梯度范数') },
  sweep: {
    measures: {
      spectralRadius: '谱半径 ρ(Wh)',
      sigmaMax: 'σ_max(Wh)',
      jacobianBound: '上界 γ·σ_max(Wh)',
      horizon: '视界',
      twoSidedHorizon: '双侧视界（10^±3）',
      decayRate: '每回溯一步的梯度衰减因子',
      gradRatio: '‖∂L/∂h₁‖ / ‖∂L/∂h_T‖',
      saturation: '饱和单元占比',
      finalLoss: '最终训练损失',
      finalHeldoutLoss: '最终留出集损失',
    },
    horizonTitle: '梯度视界',
    title: (y, x) => `${y}与${x}的关系`,
    defaultName: '扫描',
  },
  predictions: {
    title: '预测值与目标值（留出集）',
    target: '目标值',
    prediction: '预测值',
    identity: '预测值 = 目标值',
    nonFinite: (bad, n) => (bad === n ? `（全部 ${n} 个输出为 NaN/∞）` : `（${n} 个输出中有 ${bad} 个为 NaN/∞）`),
  },
  versus: (y, x) => `${y}与${x}`,
  exportedBy: '由 RNN 梯度实验室（gradlab）导出的图',
  legendTooBig: {
    sizeName: (preset, w, h) =>
      preset === 'custom' ? `${w} × ${h} 英寸` : `${preset === 'single' ? '单栏' : '双栏'}（${w} × ${h} 英寸）`,
    message: (total, size, room, minPt) =>
      `图例放不下：共 ${total} 项，而${size}的图在 ${minPt} pt 字号、且为绘图区保留一半宽高时最多容纳 ${room} 项。请选择更大的尺寸、按种子分组，或关闭图例。`,
    field: (total, room) => `图例共 ${total} 项，此尺寸最多容纳 ${room} 项`,
  },
};

export const FIGURE_WORDS: Readonly<Record<Lang, FigureWords>> = { en: EN, 'zh-CN': ZH };

export function figureWords(lang: Lang | undefined): FigureWords {
  return FIGURE_WORDS[lang ?? 'en'];
}

import { describe, expect, it } from 'vitest';
import { MAX_COLUMN, MAX_PROFILES, RunBuffer } from '../../../renderer/src/live/run-buffer';
import type { GradientProfile, RunSummary, StepMetrics } from '../../../core/api';

const summary = (over: Partial<RunSummary> = {}): RunSummary => ({
  id: 'r1',
  name: 'n',
  status: 'running',
  specHash: 'h',
  seed: 1,
  task: 'adding',
  cell: 'rnn',
  activation: 'tanh',
  init: 'orthogonal',
  clip: 'none',
  backend: 'cpu',
  device: 'cpu',
  createdAt: '',
  startedAt: '',
  endedAt: null,
  stepsDone: 0,
  stepsTotal: 100,
  final: {},
  tags: [],
  note: '',
  sweepId: null,
  error: null,
  divergence: null,
  ...over,
});
const step = (s: number, wallMs = s * 10): StepMetrics => ({
  step: s,
  wallMs,
  loss: 1 / s,
  gradNorm: s,
  clipped: s % 2 === 0,
});
const profile = (s: number): GradientProfile => ({ step: s, layers: [{ layer: 0, hNorms: [0.1, 1], horizon: 1 }] });

describe('RunBuffer', () => {
  it('merges history and the events that arrived while it loaded, without duplicates', () => {
    const b = new RunBuffer('r1');
    b.loadHistory(
      summary({ stepsDone: 3 }),
      [{ metric: 'loss', step: [1, 2, 3], value: [1, 0.5, 0.3], wallMs: [10, 20, 30], totalPoints: 3 }],
      [profile(0)],
    );
    b.apply({ type: 'run.steps', runId: 'r1', steps: [step(3), step(4), step(5)], stepsTotal: 100 });
    expect(b.metrics.get('loss')?.step).toEqual([1, 2, 3, 4, 5]);
    expect(b.metrics.get('clipped')?.value).toEqual([1, 0]);
    expect(b.lastStep).toBe(5);
  });

  it('keeps profiles in step order and replaces a repeated step', () => {
    const b = new RunBuffer('r1');
    for (const s of [20, 0, 10, 10]) b.addProfile(profile(s));
    expect(b.profiles.map((p) => p.step)).toEqual([0, 10, 20]);
  });

  it('a run probed every step keeps at most MAX_PROFILES, evenly spaced, the first and the newest always there', () => {
    const b = new RunBuffer('r1');
    for (let s = 1; s <= 25_000; s++) {
      b.apply({ type: 'run.profiles', runId: 'r1', profiles: [profile(s)] });
      expect(b.profiles.length).toBeLessThanOrEqual(MAX_PROFILES);
      expect(b.profiles.at(-1)!.step).toBe(s);
    }
    const steps = b.profiles.map((p) => p.step);
    expect(steps[0]).toBe(1);
    expect(steps.length).toBeGreaterThan(MAX_PROFILES / 2);
    // One stride between grid profiles; only the newest may sit off the grid.
    const gaps = new Set(steps.slice(1, -1).map((x, i) => x - steps[i]!));
    expect(gaps.size).toBe(1);
    expect(steps.at(-1)! - steps.at(-2)!).toBeLessThanOrEqual([...gaps][0]!);
  });

  it('after a resume, drops what followed the checkpoint and takes the retrained steps again', () => {
    const b = new RunBuffer('r1');
    b.addSteps(
      [1, 2, 3, 4, 5, 6].map((s) => step(s)),
      100,
    );
    for (const s of [0, 3, 6]) b.addProfile(profile(s));
    b.truncateAfter(4);
    expect(b.metrics.get('loss')?.step).toEqual([1, 2, 3, 4]);
    expect(b.profiles.map((p) => p.step)).toEqual([0, 3]);
    expect(b.lastStep).toBe(4);
    b.addSteps([step(5, 999)], 100);
    expect(b.metrics.get('loss')?.step).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores other runs and records how a run ended', () => {
    const b = new RunBuffer('r1');
    expect(b.apply({ type: 'run.steps', runId: 'other', steps: [step(1)], stepsTotal: 10 })).toBe(false);
    b.apply({ type: 'run.diverged', run: summary({ status: 'diverged' }), divergence: { step: 7, tensor: 'loss' } });
    expect(b.run?.status).toBe('diverged');
    expect(b.divergence).toEqual({ step: 7, tensor: 'loss' });
  });

  it('measures steps per second over wall time and the time left', () => {
    const b = new RunBuffer('r1');
    b.addSteps([step(1, 0), step(51, 1000)], 101);
    expect(b.stepsPerSecond()).toBeCloseTo(50);
    expect(b.etaSeconds()).toBeCloseTo(1);
  });

  it('a million-step run keeps its columns bounded, thinned by M4: the spike, the first and the newest stay', () => {
    const b = new RunBuffer('r1');
    const n = 3 * MAX_COLUMN;
    const batch: StepMetrics[] = [];
    for (let s = 1; s <= n; s++) {
      batch.push({ ...step(s), gradNorm: s === 123_457 ? 1e9 : 1 + (s % 7) });
      if (batch.length === 1000) b.addSteps(batch.splice(0), n);
    }
    const g = b.metrics.get('gradNorm')!;
    expect(g.step.length).toBeLessThanOrEqual(MAX_COLUMN);
    expect(g.step.length).toBeGreaterThan(MAX_COLUMN / 8);
    expect(Math.max(...g.value)).toBe(1e9);
    expect(g.step[g.step.indexOf(123_457)]).toBe(123_457);
    expect(g.step[0]).toBe(1);
    expect(g.step.at(-1)).toBe(n);
    expect(g.step.every((x, i) => i === 0 || x > (g.step[i - 1] as number))).toBe(true);
  });
});

/**
 * The verdicts as pure functions of stored numbers: each record's evaluate on hand-built batches whose answer
 * is known, so a verdict that says "reproduced" for the wrong numbers fails here.
 */
import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, type ExperimentSpecInput, type RunSummary, type Series } from '../../../core/api';
import { verdictOf } from '../../../core/replications/common';
import { arjovsky2016 } from '../../../core/replications/arjovsky-2016-copy';
import { bengio1994 } from '../../../core/replications/bengio-1994-latch';
import { CORRECT_ABS_ERROR, CRITERION_MSE, hochreiter1997 } from '../../../core/replications/hochreiter-1997-adding';
import type { ReplicationData, ReplicationOutcome, ReplicationRun } from '../../../core/replications/types';
import { expectBilingual } from '../lessons/bilingual';

function run(
  key: string,
  spec: ExperimentSpecInput,
  over: { heldout?: number[]; accuracy?: number; status?: RunSummary['status'] } = {},
): ReplicationRun {
  const s = ExperimentSpecSchema.parse(spec);
  const heldout = over.heldout ?? [];
  const steps = heldout.map((_, i) => (i + 1) * 10);
  const series: Series = { metric: 'heldoutLoss', step: steps, value: heldout, wallMs: steps } as unknown as Series;
  const summary = {
    id: `r${Math.random().toString(36).slice(2, 10)}`,
    name: s.name,
    status: over.status ?? 'completed',
    stepsDone: s.train.steps,
    stepsTotal: s.train.steps,
    final: { heldoutLoss: heldout.at(-1), heldoutAccuracy: over.accuracy },
  } as unknown as RunSummary;
  return {
    key,
    run: summary,
    spec: s,
    series: (m) => (m === 'heldoutLoss' ? series : undefined),
    profiles: () => [],
    profile: () => undefined,
  };
}

function data(runs: ReplicationRun[]): ReplicationData {
  return {
    scale: 'reduced',
    runs,
    run: (k) => runs.find((r) => r.key === k)!,
    sweep: (k) => runs.filter((r) => r.key === k),
  };
}

describe('verdictOf', () => {
  it('is reproduced when every condition holds, partly when some do, not reproduced when none does', () => {
    expect(verdictOf([true, true])).toBe('reproduced');
    expect(verdictOf([true, false])).toBe('partly');
    expect(verdictOf([false, false])).toBe('not_reproduced');
  });
});

describe('hochreiter-1997-adding', () => {
  it('carries the paper’s tolerance into the lab’s units: its target is half the lab’s, so 0.04 becomes 0.08', () => {
    // Paper: X ∈ [−1, 1], target 0.5 + (X₁+X₂)/4. Lab: x = (X+1)/2 ∈ [0, 1], target x₁+x₂ = 2·(paper's target).
    const X1 = 0.3;
    const X2 = -0.7;
    expect((X1 + 1) / 2 + (X2 + 1) / 2).toBeCloseTo(2 * (0.5 + (X1 + X2) / 4), 12);
    expect(CORRECT_ABS_ERROR).toBeCloseTo(0.08, 12);
    expect(CRITERION_MSE).toBeCloseTo(0.0064, 12);
  });

  it('counts training sequences to the first evaluation at the criterion', () => {
    const spec = {
      name: 'x',
      task: { kind: 'adding' as const, seqLen: 100 },
      model: { cell: 'lstm' as const },
      train: { batch: 32, steps: 100 },
    };
    const solved = hochreiter1997.evaluate(data([run('lstm', spec, { heldout: [0.2, 0.1, 0.005, 0.001] })]));
    expect(solved.verdict).toBe('reproduced');
    expect(solved.measured.find((m) => m.label.en.startsWith('training sequences to the criterion'))?.value).toBe(
      30 * 32,
    );
    const stuck = hochreiter1997.evaluate(data([run('lstm', spec, { heldout: [0.2, 0.19, 0.18, 0.17] })]));
    expect(stuck.verdict).toBe('not_reproduced');
  });
});

describe('bengio-1994-latch', () => {
  const latch = (T: number, seed: number, acc: number) =>
    run('latch', { name: `T${T}`, task: { kind: 'latch', seqLen: T }, train: { seed } }, { accuracy: acc });
  it('is reproduced when the share that learns falls from most to few as the span grows', () => {
    const out = bengio1994.evaluate(data([latch(5, 1, 1), latch(5, 2, 1), latch(50, 1, 0.5), latch(50, 2, 0.5)]));
    expect(out.verdict).toBe('reproduced');
    expect(out.measured.map((m) => m.value)).toEqual([1, 0]);
  });
  it('is not reproduced when longer spans learn as often', () => {
    expect(bengio1994.evaluate(data([latch(5, 1, 1), latch(50, 1, 1)])).verdict).toBe('not_reproduced');
  });
});

describe('arjovsky-2016-copy', () => {
  const copy = (key: string, xent: number) =>
    run(
      key,
      { name: key, task: { kind: 'copy', seqLen: 100, symbols: 8, copyLength: 10 } },
      { heldout: [2, xent, xent, xent] },
    );
  const base = (10 * Math.log(8)) / 120;
  it('is reproduced when the tanh RNN sits at 10·ln 8/(T + 20) and the LSTM is at it or below it (the paper’s T = 100)', () => {
    expect(arjovsky2016.evaluate(data([copy('lstm', base * 1.02), copy('rnn', base)])).verdict).toBe('reproduced');
    expect(arjovsky2016.evaluate(data([copy('lstm', base * 0.5), copy('rnn', base * 0.95)])).verdict).toBe(
      'reproduced',
    );
  });
  it('is partly reproduced when one condition fails, and not when the RNN beats the baseline and the LSTM is above it', () => {
    expect(arjovsky2016.evaluate(data([copy('lstm', base * 1.4), copy('rnn', base)])).verdict).toBe('partly');
    expect(arjovsky2016.evaluate(data([copy('lstm', base * 0.2), copy('rnn', base * 0.3)])).verdict).toBe('partly');
    expect(arjovsky2016.evaluate(data([copy('lstm', base * 1.4), copy('rnn', base * 0.3)])).verdict).toBe(
      'not_reproduced',
    );
  });
});

describe('results in both languages', () => {
  /** The headline, every measured label and unit, and every figure title: both languages, the same numbers. */
  function expectOutcomeBilingual(out: ReplicationOutcome, where: string) {
    expectBilingual(out.headline, `${where} headline`);
    for (const m of out.measured) {
      expectBilingual(m.label, `${where} label`, { prose: false });
      if (m.unit) expectBilingual(m.unit, `${where} unit`, { prose: false });
    }
    for (const f of out.figures) expectBilingual(f.title, `${where} figure title`, { prose: false });
  }
  it('hochreiter-1997-adding, solved and stuck', () => {
    const spec = { name: 'lstm', task: { kind: 'adding' as const, seqLen: 100 }, train: { batch: 32, steps: 100 } };
    expectOutcomeBilingual(
      hochreiter1997.evaluate(data([run('lstm', spec, { heldout: [0.2, 0.1, 0.005, 0.001] })])),
      'solved',
    );
    const stuck = hochreiter1997.evaluate(data([run('lstm', spec, { heldout: [0.2, 0.19, 0.18, 0.17] })]));
    expectOutcomeBilingual(stuck, 'stuck');
    expect(stuck.headline['zh-CN']).toMatch(/^未复现：/);
  });
  it('bengio-1994-latch and arjovsky-2016-copy', () => {
    const latch = (T: number, seed: number, acc: number) =>
      run('latch', { name: `T${T}`, task: { kind: 'latch', seqLen: T }, train: { seed } }, { accuracy: acc });
    expectOutcomeBilingual(bengio1994.evaluate(data([latch(5, 1, 1), latch(50, 1, 0.5)])), 'latch');
    const copy = (key: string, xent: number) =>
      run(key, { name: key, task: { kind: 'copy', seqLen: 100, symbols: 8, copyLength: 10 } }, { heldout: [2, xent] });
    const out = arjovsky2016.evaluate(data([copy('lstm', 0.18), copy('rnn', 0.1)]));
    expectOutcomeBilingual(out, 'copy');
    expect(out.headline['zh-CN']).toContain('10·ln 8/(T + 20)');
  });
});

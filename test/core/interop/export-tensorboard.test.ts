/**
 * Exporting runs as a TensorBoard log directory: checked by an independent reader (Python's standard library,
 * test/fixtures/tensorboard/read_events.py), then imported back: the same scalars, float32-exact.
 */
import { ExperimentSpecSchema } from '../../../core/api';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../core/api/errors';
import type { GradientProfile } from '../../../core/api/records';
import { exportTensorBoard } from '../../../core/interop/export-tensorboard';
import { importTensorBoard } from '../../../core/interop/import-tensorboard';
import type { LabStore } from '../../../core/store';
import { openStore, steps, tempDir } from '../store/helpers';

const READER = path.resolve(__dirname, '../../fixtures/tensorboard/read_events.py');

interface ReadDir {
  scalars: Record<string, [number, number | string][]>;
  histograms: number;
  hparams?: Record<string, string | number | boolean>;
  group?: string;
  end_status?: number;
  experiment?: { hparams: string[]; metrics: string[] };
}

const profile = (step: number): GradientProfile => ({
  step,
  layers: [
    { layer: 0, hNorms: [1e-6, 1e-3, 0.5, 1], horizon: 2, sigmaMax: 1.25, spectralRadius: 0.9, saturation: 0.1 },
  ],
});

/** A sweep of 2 cells × 2 seeds, 40 steps each, one run diverging (NaN and ∞ in its last losses). */
function sweepStore(): { s: LabStore; sweepId: string; runIds: string[] } {
  const s = openStore();
  const base = { name: 'adding T=5', task: { kind: 'adding' as const, seqLen: 5 }, train: { steps: 40, lr: 0.01 } };
  const sweep = s.createSweep({
    name: 'cells',
    base: ExperimentSpecSchema.parse(base),
    grid: { 'model.cell': ['rnn', 'lstm'], 'train.seed': [1, 2] },
  });
  const runIds: string[] = [];
  for (const cell of ['rnn', 'lstm'] as const) {
    for (const seed of [1, 2]) {
      const r = s.createRun({
        spec: ExperimentSpecSchema.parse({
          ...base,
          name: `adding T=5 cell=${cell} seed=${seed}`,
          model: { cell },
          train: { ...base.train, seed },
        }),
        sweepId: sweep.id,
      });
      s.markStarted(r.id, { backend: 'cpu', device: 'cpu' });
      const diverge = cell === 'rnn' && seed === 2;
      s.appendSteps(
        r.id,
        steps(0, 40, (st) =>
          diverge && st === 38
            ? NaN
            : diverge && st === 39
              ? Infinity
              : Math.exp(-st / (7 + seed)) * (cell === 'lstm' ? 0.3 : 0.7),
        ),
      );
      s.saveProfile(r.id, profile(0));
      s.saveProfile(r.id, profile(20));
      s.finishRun(
        r.id,
        diverge
          ? { status: 'diverged', divergence: { step: 38, tensor: 'loss' } }
          : { status: 'completed', final: { loss: 0.1, steps: 40 } },
      );
      runIds.push(r.id);
    }
  }
  return { s, sweepId: sweep.id, runIds };
}

describe('gradlab runs export --format tfevents', () => {
  it('writes scalars, HParams (swept fields as columns, final loss as metric) and profile histograms an independent reader sees', () => {
    const { s, sweepId, runIds } = sweepStore();
    const out = path.join(tempDir(), 'tb');
    const report = exportTensorBoard(s, out, { sweepId });
    expect(report.runs.map((r) => r.runId).sort()).toEqual([...runIds].sort());
    const read = JSON.parse(execFileSync('python3', [READER, out], { encoding: 'utf8' })) as Record<string, ReadDir>;
    expect(read['']!.experiment).toEqual({ hparams: ['model.cell', 'train.seed'], metrics: ['loss', 'heldoutLoss'] });
    for (const r of report.runs) {
      const got = read[r.name]!;
      const run = s.getRun(r.runId);
      expect(got.hparams!['model.cell']).toBe(run.spec!.model.cell);
      expect(got.hparams!['train.seed']).toBe(run.seed);
      expect(got.hparams!['train.lr']).toBe(0.01);
      expect(got.group).toBe(run.specHash);
      expect(got.end_status).toBe(run.status === 'completed' ? 1 : 2);
      expect(got.histograms).toBe(2);
      const loss = s.getSeries(r.runId, { metrics: ['loss'] })[0]!;
      expect(got.scalars.loss!.map(([st]) => st)).toEqual(loss.step);
      expect(
        got.scalars.loss!.map(([, v]) =>
          typeof v === 'number' ? v : Number(v.replace('inf', 'Infinity').replace('nan', 'NaN')),
        ),
      ).toEqual(loss.value.map((v) => Math.fround(v)));
      expect(Object.keys(got.scalars).sort()).toEqual([...run.metrics].sort());
    }
  });

  it('round trip: export, then import, gives back every stored series exactly (float32), steps and all', () => {
    const { s, sweepId, runIds } = sweepStore();
    const out = path.join(tempDir(), 'tb');
    exportTensorBoard(s, out, { sweepId });
    const back = openStore();
    const imported = importTensorBoard(back, out, { group: 'seed=\\d+' });
    expect(imported.withoutScalars).toEqual(['.']); // the experiment file at the top of the log directory
    expect(imported.runs).toHaveLength(4);
    let points = 0;
    for (const id of runIds) {
      const original = s.getRun(id);
      const twin = imported.runs.find((r) => r.run.name === original.name)!;
      expect(twin.run.status).toBe('imported');
      expect(twin.run.seed).toBe(original.seed);
      const detail = back.getRun(twin.run.id);
      expect(detail.source!.hparams!['model.cell']).toBe(original.spec!.model.cell);
      expect([...detail.metrics].sort()).toEqual([...original.metrics].sort());
      for (const metric of original.metrics) {
        const [a] = s.getSeries(id, { metrics: [metric] });
        const [b] = back.getSeries(twin.run.id, { metrics: [metric] });
        expect(b!.step).toEqual(a!.step);
        expect(b!.value).toEqual(a!.value.map((v) => Math.fround(v)));
        // Wall times come back relative to the first event: the same spacing, to the microsecond.
        const shift = (b!.wallMs[0] as number) - (a!.wallMs[0] as number);
        b!.wallMs.forEach((w, i) => expect(w - shift).toBeCloseTo(a!.wallMs[i] as number, 3));
        points += a!.step.length;
      }
    }
    expect(points).toBeGreaterThan(4 * 40 * 5);
    // Seeds of one cell share a group, so Compare bands them as it does the originals.
    const hashes = new Map(imported.runs.map((r) => [r.run.name, r.run.specHash]));
    expect(hashes.get('adding T=5 cell=rnn seed=1')).toBe(hashes.get('adding T=5 cell=rnn seed=2'));
    expect(hashes.get('adding T=5 cell=rnn seed=1')).not.toBe(hashes.get('adding T=5 cell=lstm seed=1'));
  });

  it('refuses a directory that already holds event files, and unknown runs, before writing anything', () => {
    const { s, runIds } = sweepStore();
    const out = path.join(tempDir(), 'tb');
    exportTensorBoard(s, out, { runIds: [runIds[0]!] });
    const before = fs.readdirSync(out).length;
    expect(() => exportTensorBoard(s, out, { runIds })).toThrow(/already holds TensorBoard event files/);
    const fresh = path.join(tempDir(), 'fresh');
    const e = (() => {
      try {
        exportTensorBoard(s, fresh, { runIds: ['nosuchrun'] });
      } catch (x) {
        return x as LabError;
      }
      throw new Error('expected an error');
    })();
    expect(e.code).toBe('not_found');
    expect(fs.existsSync(fresh)).toBe(false);
    expect(fs.readdirSync(out).length).toBe(before);
  });
});

/**
 * `gradlab probe` is how anyone checks the lab's gradients against another framework: here against numbers
 * PyTorch 1.13 computed in float64 with autograd for the same weights and batch (test/fixtures/probe).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const probe = (...files: string[]) =>
  spawnSync(
    process.execPath,
    ['bin/gradlab.js', 'probe', '--config', files[0]!, '--weights', files[1]!, '--batch', files[2]!],
    { encoding: 'utf8' },
  );

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('gradlab probe', () => {
  it('matches PyTorch float64 autograd within float32 precision', () => {
    const r = probe(
      'test/fixtures/probe/config.json',
      'test/fixtures/probe/weights.json',
      'test/fixtures/probe/batch.json',
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      loss: number;
      hiddenGradNorms: number[][];
      paramGrads: { layers: { Wh: number[][] }[] };
    };
    expect(rel(out.loss, 0.0028779772036816105)).toBeLessThan(1e-5);
    [0.04406499740304298, 0.09615601215874477, 0.11995785100779378].forEach((v, t) =>
      expect(rel(out.hiddenGradNorms[0]![t]!, v)).toBeLessThan(1e-5),
    );
    const wh = [
      [0.09446713276364448, 0.04867285064035437],
      [-0.04454572964661778, -0.022782963010027135],
    ];
    wh.forEach((row, i) =>
      row.forEach((v, j) => expect(rel(out.paramGrads.layers[0]!.Wh[i]![j]!, v)).toBeLessThan(1e-5)),
    );
  });

  it('names the field of malformed weights', () => {
    const r = probe(
      'test/fixtures/probe/config.json',
      'test/fixtures/probe/batch.json',
      'test/fixtures/probe/batch.json',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/weights\.layers/);
  });

  it('exits 2 when a file is missing', () => {
    const r = probe('test/fixtures/probe/config.json', 'nope.json', 'test/fixtures/probe/batch.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read weights file');
  });
});

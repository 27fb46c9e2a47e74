import fs from 'node:fs';
import { lossChart, renderFigure, heatmapChart } from './core/figures';
const mk = (seed: number, n: number, div = false) => {
  const step = Array.from({ length: n }, (_, i) => i * 10);
  const value = step.map((s, i) => (div && i > n - 3 ? (i === n - 1 ? Infinity : NaN) : 0.5 * Math.exp(-s / (300 + 40 * seed)) + 0.01 * seed));
  return { run: { id: `r${seed}`, name: `tanh RNN σ=1.1 seed=${seed}`, specHash: seed < 3 ? 'A' : 'B', divergence: div ? { step: step[n - 2], tensor: 'loss' } : null } as never, series: [{ metric: 'loss', step, value, wallMs: step, totalPoints: n }] };
};
const runs = [mk(1, 100), mk(2, 100), mk(3, 100, true), mk(4, 100)];
const data = lossChart(runs, { groupSeeds: true, baseline: { y: 0.1667, label: 'predict the mean' } });
renderFigure('loss', 'tex', data, { logY: true, fileName: 'fig' }).then((f) => {
  fs.writeFileSync('/tmp/tbtex/fig.tex', f.bytes);
  console.log(new TextDecoder().decode(f.bytes).slice(0, 3000));
});

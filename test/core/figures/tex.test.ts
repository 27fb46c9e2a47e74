/**
 * pgfplots export: the source says what the SVG draws (log axis, ticks, palette, dashes, bands, divergence
 * marks, legend), and real pdflatex compiles it (Debian texlive-latex-base + texlive-pictures, see .ci/run);
 * pdfinfo checks the PDF; a Chinese figure compiles with xelatex and ctex (texlive-xetex + texlive-lang-chinese).
 * Also: a 100,000-step loss figure stays small as SVG, PDF and pgfplots, with the PDF's font embedded (pdffonts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSummary, Series } from '../../../core/api/records';
import { FigureSettingsSchema, heatmapChart, lossChart, renderFigure, renderSvg } from '../../../core/figures';
import { seriesStyle } from '../../../core/shared/palette';
import { texText } from '../../../core/figures/export/tex-text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-tex-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(
  seed: number,
  steps: number,
  opts: { hash?: string; diverge?: boolean; every?: number } = {},
): { run: RunSummary; series: Series[] } {
  const every = opts.every ?? 10;
  const step = Array.from({ length: steps }, (_, i) => i * every);
  const value = step.map((s, i) =>
    opts.diverge && i === steps - 1
      ? Infinity
      : opts.diverge && i === steps - 2
        ? NaN
        : 0.5 * Math.exp(-s / (300 * every + 40 * seed)) + 0.01 * seed + 0.004 * Math.sin(i),
  );
  const summary = {
    id: `run${seed}`,
    name: `tanh RNN σ=1.1 seed=${seed}`,
    specHash: opts.hash ?? `h${seed}`,
    seed,
    divergence: opts.diverge ? { step: step[steps - 2]!, tensor: 'loss' } : null,
  } as unknown as RunSummary;
  return {
    run: summary,
    series: [{ metric: 'loss', step, value, wallMs: step.map((s) => s * 3), totalPoints: steps }],
  };
}

/** Compiles a figure's .tex in a minimal document; returns pdfinfo's fields. */
function compile(name: string, tex: Uint8Array, csv?: { fileName: string; bytes: Uint8Array }): Record<string, string> {
  const d = fs.mkdtempSync(path.join(dir, `${name}-`));
  fs.writeFileSync(path.join(d, `${name}.tex`), tex);
  if (csv) fs.writeFileSync(path.join(d, csv.fileName), csv.bytes);
  fs.writeFileSync(
    path.join(d, 'doc.tex'),
    [
      '\\documentclass{article}',
      '\\usepackage{pgfplots}',
      '\\pgfplotsset{compat=1.16}',
      '\\pagestyle{empty}',
      '\\begin{document}',
      `\\input{${name}.tex}`,
      '\\end{document}',
      '',
    ].join('\n'),
  );
  try {
    execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'], { cwd: d, encoding: 'utf8' });
  } catch (e) {
    throw new Error(`pdflatex failed:\n${(e as { stdout?: string }).stdout?.slice(-3000)}`);
  }
  const info = execFileSync('pdfinfo', [path.join(d, 'doc.pdf')], { encoding: 'utf8' });
  return Object.fromEntries(
    info
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

describe('figures as pgfplots', () => {
  it('a grouped, log-scale loss figure with a baseline and a divergence: the same axes, styles and marks, and it compiles', async () => {
    const runs = [
      run(1, 100, { hash: 'A' }),
      run(2, 100, { hash: 'A' }),
      run(3, 100, { hash: 'B', diverge: true }),
      run(4, 100, { hash: 'B' }),
    ];
    const data = lossChart(runs, { groupSeeds: true, baseline: { y: 0.1667, label: 'predict the mean' } });
    const settings = { logY: true, fileName: 'loss-grouped', size: 'double' as const };
    const file = await renderFigure('loss', 'tex', data, settings);
    const tex = new TextDecoder().decode(file.bytes);
    expect(file.fileName).toBe('loss-grouped.tex');
    expect(file.companions).toBeUndefined(); // small: the data is inline
    expect(tex).toContain('\\begin{tikzpicture}');
    expect(tex).toContain('width=7in');
    expect(tex).toContain('height=3in');
    expect(tex).toContain('ymode=log');
    // The SVG's own log ticks (powers of ten, labelled 10^k), not pgfplots' choice.
    expect(tex).toContain('yticklabels={{$10^{-1}$},{$10^{0}$}}');
    // Okabe–Ito black and blue, the second series dashed as in the SVG, bands at 20 % opacity.
    expect(tex).toContain('\\definecolor{gl0072B2}{HTML}{0072B2}');
    expect(tex).toMatch(/\\addplot\[color=gl0072B2, line width=1pt, dash pattern=on 4pt off 2pt, mark=none\]/);
    expect(tex.match(/fill opacity=0\.2, forget plot/g)?.length).toBe(2);
    expect(tex).toContain('\\addlegendentry{tanh RNN $\\sigma$=1.1 (n = 2)}');
    expect(tex).toContain('\\addlegendentry{predict the mean}');
    expect(tex).toMatch(
      /node\[rotate=90, anchor=south east[^\]]*\] \{tanh RNN \$\\sigma\$=1\.1 seed=3: diverged at step 980\}/,
    );
    const svg = renderSvg(data, settings);
    expect(svg).toContain('diverged at step 980');
    const info = compile('loss-grouped', file.bytes);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
  });

  it('a 100,000-step loss figure: SVG and PDF under 300 KB with the font embedded, pgfplots with its CSV beside it', async () => {
    const data = lossChart([run(1, 100_000, { every: 1 })]);
    const svg = await renderFigure('loss', 'svg', data);
    const pdf = await renderFigure('loss', 'pdf', data);
    const tex = await renderFigure('loss', 'tex', data, { fileName: 'long' });
    expect(svg.bytes.length).toBeLessThan(300_000);
    expect(pdf.bytes.length).toBeLessThan(300_000);
    const pdfPath = path.join(dir, 'long.pdf');
    fs.writeFileSync(pdfPath, pdf.bytes);
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)[0]).toBe('yes'); // the "emb" column
    expect(tex.companions?.map((c) => c.fileName)).toEqual(['long.csv']);
    const csv = new TextDecoder().decode(tex.companions![0]!.bytes);
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('s0x,s0y');
    expect(rows.length).toBeLessThan(20_000); // thinned by M4 as the SVG is
    expect(new TextDecoder().decode(tex.bytes)).toContain('table[col sep=comma, x=s0x, y=s0y] {long.csv}');
    const info = compile('long', tex.bytes, tex.companions![0]!);
    expect(info.Pages).toBe('1');
    console.log(
      `100,000-step loss: SVG ${svg.bytes.length} B, PDF ${pdf.bytes.length} B, pgfplots ${tex.bytes.length} B + CSV ${csv.length} B (${rows.length - 1} points), compiled PDF ${info['File size']}`,
    );
  });

  it('20 series: the same colour × dash × marker as the SVG, white-filled marks on the curves, and it compiles', async () => {
    const runs = Array.from({ length: 20 }, (_, k) => run(k + 1, 60));
    const data = lossChart(runs);
    const s = FigureSettingsSchema.parse({ size: 'double', legend: 'right', fileName: 'many' });
    const tex = new TextDecoder().decode((await renderFigure('loss', 'tex', data, s)).bytes);
    const plots = [...tex.matchAll(/^\\addplot\[(color=[^\]]*?)\] (?:coordinates|table)/gm)].map((m) => m[1]!);
    expect(plots).toHaveLength(20);
    const marks: Record<string, string> = { circle: '*', square: 'square*', triangle: 'triangle*' };
    plots.forEach((opts, k) => {
      const st = seriesStyle(s, k);
      expect(opts, `series ${k}`).toContain(`color=gl${st.color.slice(1)}`);
      if (st.dasharray) expect(opts, `series ${k}`).toMatch(/dash pattern=on /);
      else expect(opts, `series ${k}`).toContain('solid');
      if (st.marker) {
        expect(opts, `series ${k}`).toContain(`mark=${marks[st.marker]}, mark repeat=`);
        expect(opts).toContain('mark options={solid, fill=white}');
      } else expect(opts, `series ${k}`).toContain('mark=none');
    });
    // No two curves share colour, dash and mark in the .tex either.
    const key = (o: string) => o.replace(/, mark repeat=\d+, mark phase=\d+/, '');
    expect(new Set(plots.map(key)).size).toBe(20);
    expect(plots.filter((o) => o.includes('mark=*')).length).toBe(8);
    expect(plots.filter((o) => o.includes('mark=square*')).length).toBe(4);
    expect(compile('many', new TextEncoder().encode(tex)).Pages).toBe('1');
  });

  it('in Chinese: the labels stay Chinese, the header asks for xelatex with ctex, and xelatex compiles it', async () => {
    const runs = [run(1, 60), run(2, 60, { diverge: true })];
    const data = lossChart(runs, { lang: 'zh-CN', baseline: 0.1667 });
    const file = await renderFigure('loss', 'tex', data, { lang: 'zh-CN', fileName: 'zh' });
    const tex = new TextDecoder().decode(file.bytes);
    expect(tex).toContain('xlabel={训练步数}');
    expect(tex).toContain('\\addlegendentry{基线 0.1667}');
    expect(tex).toMatch(/% Its labels are Chinese: compile with xelatex and \\usepackage\{ctex\}/);
    // English figures keep the pdflatex-only header.
    const en = new TextDecoder().decode((await renderFigure('loss', 'tex', lossChart(runs), {})).bytes);
    expect(en).not.toContain('xelatex');
    const d = fs.mkdtempSync(path.join(dir, 'zh-'));
    fs.writeFileSync(path.join(d, 'zh.tex'), file.bytes);
    fs.writeFileSync(
      path.join(d, 'doc.tex'),
      '\\documentclass{article}\n\\usepackage{ctex}\n\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.16}\n\\begin{document}\n\\input{zh.tex}\n\\end{document}\n',
    );
    try {
      execFileSync('xelatex', ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'], { cwd: d, encoding: 'utf8' });
    } catch (e) {
      throw new Error(`xelatex failed:\n${(e as { stdout?: string }).stdout?.slice(-3000)}`);
    }
    const text = execFileSync('pdftotext', [path.join(d, 'doc.pdf'), '-'], { encoding: 'utf8' });
    for (const w of ['训练损失', '训练步数', '基线 0.1667', '步发散']) expect(text).toContain(w);
  });

  it('a heatmap compiles as a matrix plot with a viridis colour bar', async () => {
    const profiles = Array.from({ length: 6 }, (_, k) => ({
      step: k * 10,
      layers: [{ layer: 0, hNorms: Array.from({ length: 8 }, (_, t) => Math.exp(t - 8 + k * 0.1)), horizon: 3 }],
    }));
    const data = heatmapChart([{ run: run(1, 2).run, profiles }]);
    const file = await renderFigure('heatmap', 'tex', data, { fileName: 'heat' });
    const tex = new TextDecoder().decode(file.bytes);
    expect(tex).toContain('matrix plot*');
    expect(tex).toContain('colormap/viridis');
    expect(compile('heat', file.bytes).Pages).toBe('1');
  });

  it('labels become LaTeX that pdflatex knows', () => {
    expect(texText('‖∂L/∂h_t‖ ± 1σ, 50% & #1 {x}')).toBe(
      '$\\|\\partial$L/$\\partial$h\\_t$\\|$ $\\pm$ 1$\\sigma$, 50\\% \\& \\#1 \\{x\\}',
    );
    expect(texText('h₁₀ 10⁻³ – done…')).toBe('h$_{10}$ 10$^{-3}$ -- done\\ldots{}');
  });
});

import { describe, expect, it } from 'vitest';
import {
  figureFromRuns,
  lossChart,
  renderFigure,
  gradnormChart,
  heatmapChart,
  type LineChartData,
} from '../../../core/figures';
import { csvValue, parseSvg, pngChunks, pngDims, readCsv } from './helpers';
import { lossCurve, profiles, runSummary, series } from '../../fixtures/figures/runs';

const a = lossCurve(50, 20, 0);
const runs = [
  { run: runSummary('r1', 'tanh'), series: [series('loss', a.step, a.value)] },
  {
    run: runSummary('r2', 'relu', { divergence: { step: 600, tensor: 'loss' } }),
    series: [
      series(
        'loss',
        a.step,
        a.value.map((v, i) => (i > 30 ? NaN : v * 1.5)),
      ),
    ],
  },
];

describe('PNG', () => {
  it('has exactly widthIn × dpi pixels across (3.5 in × 300 dpi = 1050 px) and the DPI recorded', async () => {
    const f = await figureFromRuns('loss', 'png', runs, {});
    expect(f.mime).toBe('image/png');
    expect(f.fileName).toBe('gradlab-loss.png');
    expect([...f.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngDims(f.bytes)).toEqual({ width: 1050, height: 788 });
    const chunks = pngChunks(f.bytes);
    expect(chunks.slice(0, 2)).toEqual(['IHDR', 'pHYs']);
    expect(chunks.filter((c) => c === 'pHYs')).toHaveLength(1);
    expect(chunks[chunks.length - 1]).toBe('IEND');
    const v = new DataView(f.bytes.buffer, f.bytes.byteOffset);
    // pHYs follows IHDR (8 signature + 25 IHDR): pixels per metre for 300 dpi.
    expect(v.getUint32(33 + 8)).toBe(11811);
  });

  it('follows the preset and the DPI', async () => {
    const data = lossChart(runs);
    expect(pngDims((await renderFigure('loss', 'png', data, { size: 'double', dpi: 150 })).bytes)).toEqual({
      width: 1050,
      height: 450,
    });
    expect(
      pngDims((await renderFigure('loss', 'png', data, { size: 'custom', widthIn: 5, heightIn: 2, dpi: 200 })).bytes),
    ).toEqual({ width: 1000, height: 400 });
  });

  it('is the same bytes for the same input (bundled font only)', async () => {
    const one = await figureFromRuns('loss', 'png', runs, { dpi: 100 });
    const two = await figureFromRuns('loss', 'png', runs, { dpi: 100 });
    expect(Buffer.from(one.bytes).equals(Buffer.from(two.bytes))).toBe(true);
  });
});

describe('PDF', () => {
  it('is a one-page PDF with the figure size as MediaBox and the font embedded', async () => {
    const f = await figureFromRuns('loss', 'pdf', runs, { title: 'Loss on adding' });
    expect(f.mime).toBe('application/pdf');
    const text = Buffer.from(f.bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 252 189\]/);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo-Regular/);
    // pdfkit writes the Title as an indirect string object.
    expect(text).toMatch(/\/Title \d+ 0 R/);
    expect(text).toContain('(Loss on adding)');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('double preset: 504 × 216 pt', async () => {
    const text = Buffer.from((await figureFromRuns('loss', 'pdf', runs, { size: 'double' })).bytes).toString('latin1');
    expect(text).toMatch(/\/MediaBox \[0 0 504 216\]/);
  });

  it('is the same bytes for the same input', async () => {
    const one = await figureFromRuns(
      'heatmap',
      'pdf',
      [{ run: runSummary('h', 'h'), profiles: profiles(20, [0, 10, 20], () => 0.7) }],
      {},
    );
    const two = await figureFromRuns(
      'heatmap',
      'pdf',
      [{ run: runSummary('h', 'h'), profiles: profiles(20, [0, 10, 20], () => 0.7) }],
      {},
    );
    expect(Buffer.from(one.bytes).equals(Buffer.from(two.bytes))).toBe(true);
  });
});

describe('SVG file', () => {
  it('is the renderer output as UTF-8 with the svg mime type', async () => {
    const f = await figureFromRuns('loss', 'svg', runs, { fileName: 'fig3a' });
    expect(f.fileName).toBe('fig3a.svg');
    expect(f.mime).toBe('image/svg+xml');
    const svg = new TextDecoder().decode(f.bytes);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    parseSvg(svg);
  });
});

describe('CSV', () => {
  it('line charts: x first, one column per series, nan where a series has no point; values round-trip', async () => {
    const data: LineChartData = {
      type: 'line',
      title: '',
      xLabel: 'x',
      yLabel: 'y',
      logY: true,
      series: [
        { id: 'a', label: 'run, "A"', x: [0, 10, 20], y: [1e-30, 0.1 + 0.2, 1 / 3] },
        { id: 'b', label: 'B', x: [10, 30], y: [NaN, Infinity] },
      ],
      hLines: [{ y: 0.1667, label: 'baseline' }],
    };
    const f = await renderFigure('loss', 'csv', data, { legendNames: { b: 'LSTM' } });
    expect(f.mime).toBe('text/csv');
    const { header, rows } = readCsv(new TextDecoder().decode(f.bytes));
    expect(header).toEqual(['x', 'run A', 'LSTM', 'baseline']);
    expect(rows.map((r) => r[0])).toEqual(['0', '10', '20', '30']);
    expect(rows.map((r) => csvValue(r[1] as string))).toEqual([1e-30, 0.1 + 0.2, 1 / 3, NaN]);
    expect(rows.map((r) => r[2])).toEqual(['nan', 'nan', 'nan', 'inf']);
    expect(rows.every((r) => r[3] === '0.1667')).toBe(true);
  });

  it('mean ± std groups add lo/hi columns; clip events add a column', async () => {
    const s1 = series('loss', [0, 1, 2], [1, 2, 3]);
    const s2 = series('loss', [0, 1, 2], [3, 4, 5]);
    const grouped = lossChart(
      [
        { run: runSummary('a', 'tanh seed 1', { specHash: 'H' }), series: [s1] },
        { run: runSummary('b', 'tanh seed 2', { specHash: 'H' }), series: [s2] },
      ],
      { groupSeeds: true },
    );
    const { header, rows } = readCsv(new TextDecoder().decode((await renderFigure('loss', 'csv', grouped, {})).bytes));
    expect(header).toEqual(['x', 'tanh (n = 2)', 'tanh (n = 2) lo', 'tanh (n = 2) hi']);
    expect(rows[0]?.map(csvValue)).toEqual([0, 2, 2 - Math.SQRT2, 2 + Math.SQRT2]);

    const g = gradnormChart([
      {
        run: runSummary('g', 'g'),
        series: [series('gradNorm', [0, 1, 2], [1, 9, 2]), series('clipped', [0, 1, 2], [0, 1, 0])],
      },
    ]);
    const out = readCsv(new TextDecoder().decode((await renderFigure('gradnorm', 'csv', g, {})).bytes));
    expect(out.header).toEqual(['x', 'g', 'g clipped']);
    expect(out.rows.map((r) => r[2])).toEqual(['nan', '9', 'nan']);
  });

  it('heatmap: long format step,t,value with the plotted (log10) values', async () => {
    const data = heatmapChart([{ run: runSummary('h', 'h'), profiles: profiles(3, [0, 50], () => 0.1) }]);
    const { header, rows } = readCsv(new TextDecoder().decode((await renderFigure('heatmap', 'csv', data, {})).bytes));
    expect(header).toEqual(['step', 't', 'value']);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => [csvValue(r[0] as string), csvValue(r[1] as string)])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [50, 1],
      [50, 2],
      [50, 3],
    ]);
    expect(csvValue(rows[2]?.[2] as string)).toBe(Math.log10(1e-2));
    expect(csvValue(rows[0]?.[2] as string)).toBeCloseTo(-4, 12);
  });
});

/**
 * Issue 13: figures with many series stay readable. For 1, 8, 20 and 50 loss curves at single and double
 * column size, in SVG (parsed) and PDF (pdftotext -bbox): every text lies inside the canvas, the plot keeps
 * half the figure each way (or the size error says how many entries fit), no two series share colour,
 * dash and marker, and the legend's entries do not overlap.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FigureSettingsSchema, lossChart, renderFigure, renderSvg } from '../../../core/figures';
import { lineChartLayout } from '../../../core/figures/charts/line';
import { figureSize } from '../../../core/shared/figure-size';
import { seriesStyle } from '../../../core/shared/palette';
import { lossCurve, runSummary, series } from '../../fixtures/figures/runs';
import { svgTextBoxes, type TextBox } from './helpers';

const CELLS = ['rnn', 'lstm', 'gru'];
function runs(n: number) {
  return Array.from({ length: n }, (_, k) => {
    const c = lossCurve(120, 10, k % 7);
    // Names as a sweep writes them: a long shared start, then what differs.
    return {
      run: runSummary(`r${k}`, `adding T=100 sweep ${CELLS[k % 3]} h=${32 * (1 + (k % 4))} seed ${k}`),
      series: [series('loss', c.step, c.value)],
    };
  });
}

const overlap = (a: TextBox, b: TextBox): boolean =>
  a.x0 < b.x1 - 0.01 && b.x0 < a.x1 - 0.01 && a.y0 < b.y1 - 0.01 && b.y0 < a.y1 - 0.01;

const dir = mkdtempSync(join(tmpdir(), 'gradlab-legend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = [1, 8, 20, 50].flatMap((n) => (['single', 'double'] as const).map((size) => ({ n, size })));

describe('legends that fit', () => {
  it.each(CASES)(
    '$n series, $size column: SVG text inside the canvas, plot ≥ half, entries apart, styles distinct',
    ({ n, size }) => {
      const s = FigureSettingsSchema.parse({ size });
      const data = lossChart(runs(n));
      let layout: ReturnType<typeof lineChartLayout>;
      try {
        layout = lineChartLayout(data, s);
      } catch (e) {
        // The one allowed failure: the size cannot hold the legend, said plainly with the count it could hold.
        expect((e as Error).message).toMatch(/legend does not fit the chosen size: \d+ entries.*holds at most \d+/);
        // Up to 20 series fit a single column and 50 a double one; only beyond that may the size refuse.
        expect(n).toBeGreaterThan(size === 'single' ? 20 : 50);
        expect(() => renderSvg(data, s)).toThrow(/does not fit/);
        return;
      }
      const fig = figureSize(s);
      expect(layout.lay.rect.width).toBeGreaterThanOrEqual(fig.widthPt / 2 - 1e-6);
      expect(layout.lay.rect.height).toBeGreaterThanOrEqual(fig.heightPt / 2 - 1e-6);

      const styles = data.series.map((x) => seriesStyle(s, x.colorIndex ?? 0, x.dashIndex));
      expect(new Set(styles.map((st) => `${st.color}|${st.dasharray}|${st.marker}`)).size).toBe(n);

      const { W, H, boxes } = svgTextBoxes(renderSvg(data, s));
      expect([W, H]).toEqual([fig.widthPt, fig.heightPt]);
      for (const b of boxes) {
        expect(b.x0, b.text).toBeGreaterThanOrEqual(-0.5);
        expect(b.y0, b.text).toBeGreaterThanOrEqual(-0.5);
        expect(b.x1, b.text).toBeLessThanOrEqual(W + 0.5);
        expect(b.y1, b.text).toBeLessThanOrEqual(H + 0.5);
      }
      const legend = boxes.filter((b) => b.legend);
      expect(legend.length).toBeGreaterThanOrEqual(n > 1 ? n : 1);
      for (let i = 0; i < legend.length; i++)
        for (let j = i + 1; j < legend.length; j++)
          expect(overlap(legend[i]!, legend[j]!), `${legend[i]!.text} / ${legend[j]!.text}`).toBe(false);
      // Nor do they cover the title, the axis labels or the tick labels.
      for (const l of legend)
        for (const o of boxes.filter((b) => !b.legend)) expect(overlap(l, o), `${l.text} / ${o.text}`).toBe(false);
    },
  );

  it.each(CASES)('$n series, $size column: every PDF word inside the page (pdftotext -bbox)', async ({ n, size }) => {
    const s = FigureSettingsSchema.parse({ size });
    const data = lossChart(runs(n));
    let pdf: Uint8Array;
    try {
      pdf = (await renderFigure('loss', 'pdf', data, s)).bytes;
    } catch (e) {
      expect((e as Error).message).toMatch(/does not fit the chosen size/);
      return;
    }
    const file = join(dir, `${n}-${size}.pdf`);
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
    const [pw, ph] = [Number(page?.[1]), Number(page?.[2])];
    const words = [
      ...html.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</g),
    ];
    expect(words.length).toBeGreaterThan(n > 1 ? n : 1);
    for (const w of words) {
      const [x0, y0, x1, y1] = [1, 2, 3, 4].map((i) => Number(w[i]));
      expect(x0, w[5]).toBeGreaterThanOrEqual(-0.5);
      expect(y0, w[5]).toBeGreaterThanOrEqual(-0.5);
      expect(x1, w[5]).toBeLessThanOrEqual(pw + 0.5);
      expect(y1, w[5]).toBeLessThanOrEqual(ph + 0.5);
    }
  });

  it('a custom size grows in height to hold a legend that a preset cannot', () => {
    const data = lossChart(runs(50));
    const s = FigureSettingsSchema.parse({ size: 'custom', widthIn: 3.5, heightIn: 2.625 });
    const { lay, size } = lineChartLayout(data, s);
    expect(size.heightPt).toBeGreaterThan(189);
    expect(lay.rect.height).toBeGreaterThanOrEqual(size.heightPt / 2 - 1e-6);
    const { H } = svgTextBoxes(renderSvg(data, s));
    expect(H).toBeCloseTo(size.heightPt, 2);
  });

  it('shared words of the names go to a caption line; user legend names still win', () => {
    const data = lossChart(runs(3));
    const s = FigureSettingsSchema.parse({ legendNames: { r1: 'my own name' } });
    const legend = svgTextBoxes(renderSvg(data, s))
      .boxes.filter((b) => b.legend)
      .map((b) => b.text);
    expect(legend).toEqual(['adding T=100 sweep', 'rnn h=32 seed 0', 'my own name', 'gru h=96 seed 2']);
  });
});

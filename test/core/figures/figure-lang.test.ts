/**
 * Issue 14, figures in the chosen language: with settings.lang = 'zh-CN' every word a figure draws is
 * Chinese; the PDF embeds the CJK font (pdffonts) and gives the Chinese back (pdftotext), the PNG's label area
 * has ink, and the SVG's texts carry the Chinese in the CJK font family and stay inside the canvas (measured
 * with the CJK font's advances, so legends still fit).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_CHARTS } from '../../../core/api/contract';
import { chartFromRuns, figureFromRuns, FigureSettingsSchema, renderSvg } from '../../../core/figures';
import { CJK_CHAR } from '../../../core/figures/cjk';
import { lineChartLayout } from '../../../core/figures/charts/line';
import { FIGURE_WORDS } from '../../../core/figures/words';
import { lossCurve, profiles, runSummary, series } from '../../fixtures/figures/runs';
import { elements, parseSvg, pngGrey, svgTextBoxes } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-figlang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two seed groups of two runs, train and held-out loss, the last run diverging. */
function lossRuns() {
  return [0, 1, 2, 3].map((k) => {
    const c = lossCurve(80, 10, k);
    const diverged = k === 3;
    return {
      run: runSummary(`r${k}`, `${k < 2 ? 'tanh' : 'relu'} 循环网络 seed=${k}`, {
        specHash: k < 2 ? 'A' : 'B',
        activation: k < 2 ? 'tanh' : 'relu',
        ...(diverged ? { divergence: { step: 600, tensor: 'loss' } } : {}),
      }),
      series: [
        series('loss', c.step, c.value),
        series(
          'heldoutLoss',
          c.step,
          c.value.map((v) => v * 1.1),
        ),
      ],
    };
  });
}

const ZH = { lang: 'zh-CN', groupSeeds: true, baseline: 0.1667 } as const;
const ENGLISH_WORDS = /training|step|loss|diverged|baseline|held-out|\bn = /i;

describe('figures in Chinese', () => {
  it('SVG: every word is Chinese, set in the CJK family, and every text stays inside the canvas', async () => {
    const svg = new TextDecoder().decode((await figureFromRuns('loss', 'svg', lossRuns(), ZH)).bytes);
    const doc = parseSvg(svg);
    const { W, H, boxes } = svgTextBoxes(svg);
    const all = boxes.map((b) => b.text);
    expect(all).toContain('损失'); // title (train and held-out: "loss")
    expect(all).toContain('训练步数');
    expect(all).toContain('基线 0.1667');
    expect(all).toContain('activation=tanh（2 个种子），训练集');
    expect(all.some((t) => t.includes('第 600 步发散'))).toBe(true);
    for (const t of all) expect(t, t).not.toMatch(ENGLISH_WORDS);
    for (const b of boxes) {
      expect(b.x0, b.text).toBeGreaterThanOrEqual(-0.5);
      expect(b.y0, b.text).toBeGreaterThanOrEqual(-0.5);
      expect(b.x1, b.text).toBeLessThanOrEqual(W + 0.5);
      expect(b.y1, b.text).toBeLessThanOrEqual(H + 0.5);
    }
    // Each run of Chinese sits in a tspan naming the bundled CJK font first, with system CJK fonts after it.
    const spans = elements(doc, 'tspan').filter((t) => CJK_CHAR.test(t.textContent ?? ''));
    expect(spans.length).toBeGreaterThan(5);
    for (const t of spans) {
      expect(t.getAttribute('font-family')).toMatch(
        /^'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC'.*sans-serif$/,
      );
      expect(t.textContent).toMatch(new RegExp(`^${CJK_CHAR.source}+$`, 'u'));
    }
    // The document's <title> and <desc> are plain text (no markup) in Chinese too.
    expect(elements(doc, 'desc')[0]?.textContent).toBe(FIGURE_WORDS['zh-CN'].exportedBy);
  });

  it('PDF: pdffonts lists Noto Sans SC embedded, and pdftotext gives the Chinese back, inside the page', async () => {
    const file = join(dir, 'loss-zh.pdf');
    writeFileSync(file, (await figureFromRuns('loss', 'pdf', lossRuns(), ZH)).bytes);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const cjk = fonts.find((l) => /\+NotoSansSC-Regular\s/.test(l));
    expect(cjk, fonts.join('\n')).toBeDefined();
    // emb, sub, uni: embedded, as a subset, with a ToUnicode map (which is what lets pdftotext read it back).
    expect(cjk!.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    expect(fonts.some((l) => /\+Arimo-Regular\s/.test(l))).toBe(true);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const w of ['损失', '训练步数', '基线 0.1667', '第 600 步发散', '（2 个种子）']) expect(text).toContain(w);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
    const words = [...html.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">/g)];
    expect(words.length).toBeGreaterThan(10);
    for (const w of words) {
      expect(Number(w[1])).toBeGreaterThanOrEqual(-0.5);
      expect(Number(w[2])).toBeGreaterThanOrEqual(-0.5);
      expect(Number(w[3])).toBeLessThanOrEqual(Number(page?.[1]) + 0.5);
      expect(Number(w[4])).toBeLessThanOrEqual(Number(page?.[2]) + 0.5);
    }
  });

  it('PNG: the x-axis label and the title are drawn (their boxes hold ink, the white around them does not)', async () => {
    const runs = lossRuns();
    const png = pngGrey((await figureFromRuns('loss', 'png', runs, { ...ZH, dpi: 300 })).bytes);
    const svg = renderSvg(chartFromRuns('loss', runs, ZH), ZH);
    const px = 300 / 72;
    const ink = (b: { x0: number; y0: number; x1: number; y1: number }) => {
      let dark = 0;
      let n = 0;
      for (let y = Math.floor(b.y0 * px); y < Math.ceil(b.y1 * px); y++)
        for (let x = Math.floor(b.x0 * px); x < Math.ceil(b.x1 * px); x++) {
          n++;
          if ((png.grey[y * png.width + x] ?? 255) < 128) dark++;
        }
      return dark / n;
    };
    for (const label of ['训练步数', '损失']) {
      const box = svgTextBoxes(svg).boxes.find((b) => b.text === label && !b.legend);
      expect(box, label).toBeDefined();
      // CJK strokes cover a good part of their em box; an empty (or skipped) run would have none.
      expect(ink(box!), label).toBeGreaterThan(0.08);
    }
    // Right of the x-axis label, at its height, is blank paper: the ink above is the label's.
    const x = svgTextBoxes(svg).boxes.find((b) => b.text === '训练步数')!;
    const w = x.x1 - x.x0;
    expect(ink({ x0: x.x1 + w * 0.3, x1: x.x1 + w * 0.8, y0: x.y0, y1: x.y1 })).toBe(0);
    writeFileSync('/tmp/figlang-test-loss-zh.png', (await figureFromRuns('loss', 'png', runs, ZH)).bytes);
  });

  it.each(FIGURE_CHARTS)('%s: title and axis labels come from the Chinese catalog', (kind) => {
    const runs = [0, 1].map((k) => {
      const c = lossCurve(30, 10, k);
      return {
        run: runSummary(`r${k}`, `运行 ${k}`),
        series: [
          series('loss', c.step, c.value),
          series(
            'gradNorm',
            c.step,
            c.value.map((v) => v * 10),
          ),
          series(
            'horizon',
            c.step,
            c.step.map((s) => 5 + s / 100),
          ),
          series('predicted', [0, 1, 2], [0.1, 0.2, 0.3]),
          series('target', [0, 1, 2], [0.1, 0.25, 0.3]),
        ],
        profiles: profiles(20, [0, 100], (s) => 0.8 + s / 2000, 0.9),
      };
    });
    const zh = chartFromRuns(kind, runs, { lang: 'zh-CN' });
    const en = chartFromRuns(kind, runs, {});
    expect(zh.title).toMatch(CJK_CHAR);
    expect(zh.title).not.toBe(en.title);
    // Axis labels that are words are Chinese; formulas (‖∂L/∂hₜ‖, σ_max(Wh)) stay as they are.
    for (const key of ['xLabel', 'yLabel'] as const)
      if (/[a-z]{3,}/.test(en[key].replace(/σ_max|Wh|NaN/g, ''))) expect(zh[key], key).toMatch(CJK_CHAR);
    expect(() => renderSvg(zh, { lang: 'zh-CN' })).not.toThrow();
  });

  it('20 runs with Chinese names fit a single-column legend, entries apart; 60 get the size error in Chinese', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, k) => {
        const c = lossCurve(60, 10, k % 7);
        return {
          run: runSummary(`r${k}`, `加法任务 扫描 ${k % 3 ? '长短期记忆' : '门控循环单元'} 种子 ${k}`),
          series: [series('loss', c.step, c.value)],
        };
      });
    const s = FigureSettingsSchema.parse({ lang: 'zh-CN', metrics: ['loss'] });
    const data = chartFromRuns('loss', many(20), s);
    const { lay } = lineChartLayout(data as Parameters<typeof lineChartLayout>[0], s);
    expect(lay.rect.width).toBeGreaterThanOrEqual(252 / 2);
    const { W, H, boxes } = svgTextBoxes(renderSvg(data, s));
    const legend = boxes.filter((b) => b.legend);
    expect(legend.length).toBeGreaterThanOrEqual(20);
    for (const b of boxes) {
      expect(b.x1, b.text).toBeLessThanOrEqual(W + 0.5);
      expect(b.y1, b.text).toBeLessThanOrEqual(H + 0.5);
    }
    for (let i = 0; i < legend.length; i++)
      for (let j = i + 1; j < legend.length; j++) {
        const [a, b] = [legend[i]!, legend[j]!];
        const apart = a.x1 <= b.x0 + 0.01 || b.x1 <= a.x0 + 0.01 || a.y1 <= b.y0 + 0.01 || b.y1 <= a.y0 + 0.01;
        expect(apart, `${a.text} / ${b.text}`).toBe(true);
      }
    expect(() => renderSvg(chartFromRuns('loss', many(60), s), s)).toThrow(/^图例放不下：共 60 项.*最多容纳 \d+ 项/);
  });
});

/** Divergence marks: a dotted line at the step, and a label placed where it covers the fewest curve points. */
import type { Box, Pt } from '../../geometry';
import { FONT_ASCENT, textWidth } from '../../metrics';
import { dashArray, seriesStyle } from '../../../shared/palette';
import type { FigureSettings } from '../../settings';
import { el, group, num, text } from '../../svg';
import type { LineChartData } from '../../types';
import type { LineLayout } from './layout';
import { countInside } from './occupancy';

export interface PlacedDivergence {
  px: number;
  color: string;
  label: string;
  /** Text anchor point; vertical labels read bottom to top and end at (x, y). */
  x: number;
  y: number;
  vertical: boolean;
  box: Box;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Places each divergence label beside its line where it covers the fewest curve points: horizontal in a
 * row at the top or bottom of the plot, or turned to run down along the line (which fits the usual case:
 * the curve ends at the line and the plot right of it is empty but narrow). Labels never overlap each other.
 */
export function placeDivergences(
  data: LineChartData,
  lay: LineLayout,
  s: FigureSettings,
  fs: number,
  pts: Pt[],
): PlacedDivergence[] {
  const labelFs = fs * 0.9;
  const { left, top, width, height } = lay.rect;
  const rowH = labelFs * 1.2;
  const rows = Math.max(1, Math.min(4, Math.floor(height / rowH / 2)));
  const baselines = [
    ...Array.from({ length: rows }, (_, k) => top + labelFs * 1.1 + k * rowH),
    ...Array.from({ length: rows }, (_, k) => top + height - labelFs * 0.4 - k * rowH),
  ];
  const asc = labelFs * FONT_ASCENT;
  const desc = labelFs * 0.22;
  const taken: Box[] = [];
  const placed: PlacedDivergence[] = [];
  const lines = (data.divergences ?? []).map((d) => lay.x.map(d.x)).filter((px): px is number => px !== null);
  // Every divergence line is an obstacle for every label, not only its own.
  pts = [...pts];
  for (const px of lines) for (let py = top; py <= top + height; py += fs * 0.5) pts.push([px, py]);
  for (const d of data.divergences ?? []) {
    const px = lay.x.map(d.x);
    if (px === null || px < left - 0.01 || px > left + width + 0.01) continue;
    const color = d.colorIndex === undefined ? '#000000' : seriesStyle(s, d.colorIndex).color;
    const w = textWidth(d.label, labelFs);
    const gap = fs * 0.25;
    type Cand = Omit<PlacedDivergence, 'px' | 'color' | 'label'>;
    const cands: Cand[] = [];
    for (const side of ['right', 'left'] as const) {
      const x0 = side === 'left' ? px - gap - w : px + gap;
      for (const y of baselines)
        cands.push({ x: x0, y, vertical: false, box: { x0, y0: y - asc, x1: x0 + w, y1: y + desc } });
      const vx0 = side === 'left' ? px - gap - asc - desc : px + gap;
      const vy = top + labelFs * 0.3;
      cands.push({ x: vx0 + asc, y: vy, vertical: true, box: { x0: vx0, y0: vy, x1: vx0 + asc + desc, y1: vy + w } });
    }
    let best: { c: Cand; cost: number } | null = null;
    for (const c of cands) {
      const b = c.box;
      if (b.x0 < left || b.x1 > left + width || b.y0 < top || b.y1 > top + height) continue;
      if (taken.some((t) => overlaps(t, b))) continue;
      const cost = countInside(pts, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      if (!best || cost < best.cost) best = { c, cost };
    }
    // Nowhere inside fits (a line at the very edge of a narrow plot): the top row, clamped into the plot.
    const fallbackX = Math.max(left, Math.min(px + gap, left + width - w));
    const first = baselines[0] as number;
    const c = best?.c ?? {
      x: fallbackX,
      y: first,
      vertical: false,
      box: { x0: fallbackX, y0: first - asc, x1: fallbackX + w, y1: first + desc },
    };
    taken.push(c.box);
    placed.push({ px, color, label: d.label, ...c });
  }
  return placed;
}

export function drawDivergences(placed: PlacedDivergence[], lay: LineLayout, s: FigureSettings, fs: number): string {
  const out: string[] = [];
  for (const d of placed) {
    out.push(
      el('path', {
        d: `M${num(d.px)} ${num(lay.rect.top)}V${num(lay.rect.top + lay.rect.height)}`,
        fill: 'none',
        stroke: d.color,
        'stroke-width': num(s.lineWidth * 0.7),
        'stroke-dasharray': dashArray([1.5, 1.5], s.lineWidth * 0.7),
      }),
    );
    const common = { x: num(d.x), y: num(d.y) };
    out.push(
      d.vertical
        ? el(
            'text',
            {
              ...common,
              transform: `rotate(-90 ${num(d.x)} ${num(d.y)})`,
              'text-anchor': 'end',
              'font-size': num(fs * 0.9),
              fill: d.color,
            },
            text(d.label),
          )
        : el('text', { ...common, 'font-size': num(fs * 0.9), fill: d.color }, text(d.label)),
    );
  }
  return group({ class: 'divergence' }, out);
}

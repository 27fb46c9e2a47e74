/** What a label or legend must not cover: points along every curve, band edge, reference line and mark. */
import { clipPolyline, type Box, type Pt } from '../../geometry';
import type { LineChartData } from '../../types';
import type { ResolvedSeries } from './draw';
import { eventsAsRug } from './draw';
import { runs, type LineLayout } from './layout';

/** The box of a placed divergence label and the x of its line (see divergence-labels.ts). */
export interface MarkBox {
  px: number;
  box: Box;
}

/** Screen points the legend should not cover: vertices and segment midpoints of every curve. */
export function occupancy(resolved: ResolvedSeries[], lay: LineLayout, box: Box, fs: number): Pt[] {
  const pts: Pt[] = [];
  const stepPx = fs * 0.5;
  for (const r of resolved) {
    for (const run of runs(r.src, lay)) {
      for (const piece of clipPolyline(run, box)) {
        piece.forEach((p, i) => {
          pts.push(p);
          const next = piece[i + 1];
          if (!next) return;
          // Long segments (a jump to 1e30) are sampled along their length, not only at their ends.
          const n = Math.min(200, Math.ceil(Math.hypot(next[0] - p[0], next[1] - p[1]) / stepPx));
          for (let k = 1; k < n; k++) pts.push([p[0] + ((next[0] - p[0]) * k) / n, p[1] + ((next[1] - p[1]) * k) / n]);
        });
      }
    }
    const band = r.src.band;
    if (band) {
      for (const ys of [band.lo, band.hi]) for (const run of runs(r.src, lay, ys)) pts.push(...run);
    }
  }
  return pts;
}

/** Reference lines and divergence marks (with their labels) must stay uncovered too: sample them densely. */
export function annotationOccupancy(
  data: LineChartData,
  lay: LineLayout,
  placed: readonly MarkBox[],
  fs: number,
): Pt[] {
  const pts: Pt[] = [];
  const { left, top, width, height } = lay.rect;
  const stepPx = fs * 0.5;
  for (const h of data.hLines ?? []) {
    const py = lay.y.map(h.y);
    if (py === null || py < top || py > top + height) continue;
    for (let px = left; px <= left + width; px += stepPx) pts.push([px, py]);
  }
  if (eventsAsRug(data)) for (let px = left; px <= left + width; px += stepPx) pts.push([px, top + height - fs * 0.3]);
  for (const d of placed) {
    for (let py = top; py <= top + height; py += stepPx) pts.push([d.px, py]);
    for (let x = d.box.x0; x <= d.box.x1; x += stepPx)
      for (let y = d.box.y0; y <= d.box.y1; y += stepPx) pts.push([x, y]);
  }
  return pts;
}

export function countInside(pts: Pt[], x: number, y: number, w: number, h: number): number {
  let n = 0;
  for (const [px, py] of pts) if (px >= x && px <= x + w && py >= y && py <= y + h) n++;
  return n;
}

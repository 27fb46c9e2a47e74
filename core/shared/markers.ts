/** Marker symbols as SVG path data: one drawing for the window's charts and the exported figures. */
import type { MarkerShape } from './palette';

const n = (v: number): string => String(Math.round(v * 100) / 100);

/** Open circle path centred at (x, y): one path for many markers keeps the SVG small. */
export function circlePath(x: number, y: number, r: number): string {
  return `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0`;
}

/** A marker symbol centred at (x, y) of radius r, as one path (drawn open, filled white behind). */
export function symbolPath(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return circlePath(x, y, r);
    case 'square':
      return `M${n(x - r)} ${n(y - r)}h${n(2 * r)}v${n(2 * r)}h${n(-2 * r)}Z`;
    case 'triangle':
      return `M${n(x)} ${n(y - r * 1.15)}L${n(x + r)} ${n(y + r * 0.75)}H${n(x - r)}Z`;
    case 'diamond':
      return `M${n(x)} ${n(y - r * 1.25)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r * 1.25)}L${n(x - r)} ${n(y)}Z`;
    case 'cross':
      return `M${n(x - r)} ${n(y - r)}L${n(x + r)} ${n(y + r)}M${n(x - r)} ${n(y + r)}L${n(x + r)} ${n(y - r)}`;
    case 'plus':
      return `M${n(x - r * 1.2)} ${n(y)}H${n(x + r * 1.2)}M${n(x)} ${n(y - r * 1.2)}V${n(y + r * 1.2)}`;
  }
}

/**
 * Which of a curve's `points` carry its marker symbol: `count` evenly spaced, shifted per series so the symbols
 * of neighbouring curves do not sit on each other. The window and the exported figure place them alike.
 */
export function symbolSpots(points: number, seriesIndex: number, count = 6): number[] {
  if (points <= 0) return [];
  const n = Math.min(points, count);
  const offset = ((seriesIndex * 0.37) % 1) / n;
  const spots: number[] = [];
  for (let k = 0; k < n; k++) spots.push(Math.min(points - 1, Math.floor((k / n + offset) * points)));
  return spots;
}

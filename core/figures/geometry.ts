/**
 * Clipping in figure coordinates. The renderer clips geometry itself instead of using <clipPath>: no ids
 * (two figures inlined in one page cannot collide), nothing outside the plot reaches the file, and a
 * 1e30 on a linear axis never becomes a coordinate a renderer must cope with.
 */

export type Pt = readonly [number, number];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Liang–Barsky: the part of segment a→b inside the box, or null. Inputs must be finite. */
export function clipSegment(a: Pt, b: Pt, box: Box): [Pt, Pt] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] - box.x0],
    [dx, box.x1 - a[0]],
    [-dy, a[1] - box.y0],
    [dy, box.y1 - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/**
 * Clips a polyline to the box, returning the visible pieces. Consecutive visible segments are merged so a
 * curve that stays inside is one piece.
 */
export function clipPolyline(points: readonly Pt[], box: Box): Pt[][] {
  if (points.length === 1) {
    const p = points[0] as Pt;
    return inside(p, box) ? [[p]] : [];
  }
  const pieces: Pt[][] = [];
  let current: Pt[] | null = null;
  for (let i = 1; i < points.length; i++) {
    const seg = clipSegment(points[i - 1] as Pt, points[i] as Pt, box);
    if (!seg) {
      current = null;
      continue;
    }
    const [s, e] = seg;
    const last = current ? current[current.length - 1] : undefined;
    if (current && last && last[0] === s[0] && last[1] === s[1]) {
      current.push(e);
    } else {
      current = [s, e];
      pieces.push(current);
    }
  }
  return pieces;
}

function inside(p: Pt, box: Box): boolean {
  return p[0] >= box.x0 && p[0] <= box.x1 && p[1] >= box.y0 && p[1] <= box.y1;
}

/** Sutherland–Hodgman against the (convex) box: for shaded bands. */
export function clipPolygon(points: readonly Pt[], box: Box): Pt[] {
  type Edge = { inside: (p: Pt) => boolean; cut: (a: Pt, b: Pt) => Pt };
  const lerpX = (a: Pt, b: Pt, x: number): Pt => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const lerpY = (a: Pt, b: Pt, y: number): Pt => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  const edges: Edge[] = [
    { inside: (p) => p[0] >= box.x0, cut: (a, b) => lerpX(a, b, box.x0) },
    { inside: (p) => p[0] <= box.x1, cut: (a, b) => lerpX(a, b, box.x1) },
    { inside: (p) => p[1] >= box.y0, cut: (a, b) => lerpY(a, b, box.y0) },
    { inside: (p) => p[1] <= box.y1, cut: (a, b) => lerpY(a, b, box.y1) },
  ];
  let out: Pt[] = [...points];
  for (const edge of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i] as Pt;
      const prev = input[(i + input.length - 1) % input.length] as Pt;
      const curIn = edge.inside(cur);
      const prevIn = edge.inside(prev);
      if (curIn) {
        if (!prevIn) out.push(edge.cut(prev, cur));
        out.push(cur);
      } else if (prevIn) {
        out.push(edge.cut(prev, cur));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

/**
 * Axes drawn as a paper figure has them: left and bottom spines, outward ticks (so they never hide data),
 * powers of ten with real superscripts (a <tspan> shifted by an absolute dy, which every renderer we
 * target — browsers, resvg, svg-to-pdfkit — honours, unlike baseline-shift).
 */
import { FONT_CAP_HEIGHT, textWidth } from './metrics';
import type { AxisScale, TickLabel } from './scales';
import { el, group, num, text } from './svg';

export const SUP_SCALE = 0.72;
/** How far a superscript is raised, in em of the base font. */
const SUP_RISE = 0.42;
export const AXIS_COLOR = '#000000';

export function labelWidth(l: TickLabel, fontSize: number): number {
  return textWidth(l.text, fontSize) + (l.sup ? textWidth(l.sup, fontSize * SUP_SCALE) : 0);
}

/** The height a tick label occupies above its baseline (superscripts rise above the cap height). */
export function labelHeight(l: TickLabel, fontSize: number): number {
  return l.sup ? fontSize * (SUP_RISE + SUP_SCALE * FONT_CAP_HEIGHT) : fontSize * FONT_CAP_HEIGHT;
}

/** A <text> for a tick label; `anchor` as SVG's text-anchor. */
export function tickText(
  l: TickLabel,
  x: number,
  y: number,
  anchor: 'start' | 'middle' | 'end',
  fontSize: number,
): string {
  const sup = l.sup
    ? el('tspan', { dy: num(-fontSize * SUP_RISE), 'font-size': num(fontSize * SUP_SCALE) }, text(l.sup))
    : '';
  return el(
    'text',
    { x: num(x), y: num(y), 'text-anchor': anchor === 'start' ? undefined : anchor },
    text(l.text),
    sup,
  );
}

export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface AxisStyle {
  fontSize: number;
  tickLength: number;
  /** Gap between a tick's end and its label. */
  tickPad: number;
  lineWidth: number;
}

export function axisStyle(fontSize: number): AxisStyle {
  return { fontSize, tickLength: fontSize * 0.4, tickPad: fontSize * 0.3, lineWidth: Math.max(0.5, fontSize / 16) };
}

/** Room the y tick labels need left of the plot (tick + pad + widest label). */
export function yTickSpace(axis: AxisScale, st: AxisStyle): number {
  const widths = axis.ticks.filter((t) => t.label).map((t) => labelWidth(t.label as TickLabel, st.fontSize));
  return st.tickLength + st.tickPad + Math.max(0, ...widths);
}

/** Room below the plot for x tick labels. */
export function xTickSpace(st: AxisStyle): number {
  return st.tickLength + st.tickPad + st.fontSize * FONT_CAP_HEIGHT;
}

/** Drops x labels that would touch their neighbour, keeping the first and then every label that fits. */
function thinXLabels(axis: AxisScale, st: AxisStyle): Set<number> {
  const keep = new Set<number>();
  let lastRight = -Infinity;
  axis.ticks.forEach((t, i) => {
    if (!t.label) return;
    const x = axis.scale(t.value);
    const w = labelWidth(t.label, st.fontSize);
    if (x - w / 2 >= lastRight + st.fontSize * 0.6) {
      keep.add(i);
      lastRight = x + w / 2;
    }
  });
  return keep;
}

export function drawXAxis(axis: AxisScale, rect: PlotRect, st: AxisStyle): string {
  const y0 = rect.top + rect.height;
  const keep = thinXLabels(axis, st);
  const ticks: string[] = [];
  const labels: string[] = [];
  axis.ticks.forEach((t, i) => {
    const x = axis.scale(t.value);
    if (x < rect.left - 0.01 || x > rect.left + rect.width + 0.01) return;
    const len = t.label ? st.tickLength : st.tickLength * 0.55;
    ticks.push(`M${num(x)} ${num(y0)}v${num(len)}`);
    if (t.label && keep.has(i)) {
      labels.push(
        tickText(t.label, x, y0 + st.tickLength + st.tickPad + st.fontSize * FONT_CAP_HEIGHT, 'middle', st.fontSize),
      );
    }
  });
  return group({ class: 'x-axis' }, [
    el('path', {
      d: `M${num(rect.left)} ${num(y0)}H${num(rect.left + rect.width)}${ticks.join('')}`,
      fill: 'none',
      stroke: AXIS_COLOR,
      'stroke-width': num(st.lineWidth),
      'stroke-linecap': 'square',
    }),
    group({ 'font-size': num(st.fontSize) }, labels),
  ]);
}

export function drawYAxis(axis: AxisScale, rect: PlotRect, st: AxisStyle): string {
  const x0 = rect.left;
  const ticks: string[] = [];
  const labels: string[] = [];
  let lastLabelTop = Infinity;
  for (const t of [...axis.ticks].sort((a, b) => axis.scale(b.value) - axis.scale(a.value))) {
    const y = axis.scale(t.value);
    if (y < rect.top - 0.01 || y > rect.top + rect.height + 0.01) continue;
    const len = t.label ? st.tickLength : st.tickLength * 0.55;
    ticks.push(`M${num(x0)} ${num(y)}h${num(-len)}`);
    if (t.label) {
      // Baseline placed so the digits' cap height is centred on the tick.
      const base = y + (st.fontSize * FONT_CAP_HEIGHT) / 2;
      const top = base - labelHeight(t.label, st.fontSize);
      if (base + st.fontSize * 0.15 <= lastLabelTop) {
        labels.push(tickText(t.label, x0 - st.tickLength - st.tickPad, base, 'end', st.fontSize));
        lastLabelTop = top;
      }
    }
  }
  return group({ class: 'y-axis' }, [
    el('path', {
      d: `M${num(x0)} ${num(rect.top + rect.height)}V${num(rect.top)}${ticks.join('')}`,
      fill: 'none',
      stroke: AXIS_COLOR,
      'stroke-width': num(st.lineWidth),
      'stroke-linecap': 'square',
    }),
    group({ 'font-size': num(st.fontSize) }, labels),
  ]);
}

/** Light grid lines at the labelled ticks, under the data. */
export function drawGrid(x: AxisScale, y: AxisScale, rect: PlotRect, st: AxisStyle): string {
  const parts: string[] = [];
  for (const t of x.ticks) {
    const px = x.scale(t.value);
    if (t.label && px > rect.left + 0.5 && px <= rect.left + rect.width)
      parts.push(`M${num(px)} ${num(rect.top)}V${num(rect.top + rect.height)}`);
  }
  for (const t of y.ticks) {
    const py = y.scale(t.value);
    if (t.label && py >= rect.top && py < rect.top + rect.height - 0.5)
      parts.push(`M${num(rect.left)} ${num(py)}H${num(rect.left + rect.width)}`);
  }
  return parts.length
    ? el('path', {
        class: 'grid',
        d: parts.join(''),
        fill: 'none',
        stroke: '#D0D0D0',
        'stroke-width': num(st.lineWidth * 0.6),
      })
    : '';
}

/** Axis titles: x centred under the tick labels, y rotated and centred left of them. */
export function drawAxisLabels(
  rect: PlotRect,
  xLabel: string,
  yLabel: string,
  xLabelBaseline: number,
  yLabelX: number,
  fontSize: number,
): string {
  const out: string[] = [];
  if (xLabel)
    out.push(
      el(
        'text',
        { class: 'x-label', x: num(rect.left + rect.width / 2), y: num(xLabelBaseline), 'text-anchor': 'middle' },
        text(xLabel),
      ),
    );
  if (yLabel) {
    const cx = yLabelX;
    const cy = rect.top + rect.height / 2;
    out.push(
      el(
        'text',
        {
          class: 'y-label',
          x: num(cx),
          y: num(cy),
          transform: `rotate(-90 ${num(cx)} ${num(cy)})`,
          'text-anchor': 'middle',
        },
        text(yLabel),
      ),
    );
  }
  return group({ 'font-size': num(fontSize) }, out);
}

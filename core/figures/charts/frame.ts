/**
 * The outer SVG document shared by every chart: physical size in inches with a viewBox in points (so one
 * user unit is one typographic point and font sizes read as pt), a <title> for accessibility and PDF
 * metadata, a white background (PNG/PDF must not come out transparent), and the font list.
 */
import { FONT_ASCENT } from '../metrics';
import { fontFamilyList, type FigureSettings } from '../settings';
import type { FigureSize } from '../../shared/figure-size';
import { el, esc, num, text } from '../svg';
import { figureWords } from '../words';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgDocument(
  size: FigureSize,
  settings: FigureSettings,
  title: string,
  fallbackTitle: string,
  body: string[],
): string {
  const root = el(
    'svg',
    {
      xmlns: SVG_NS,
      version: '1.1',
      width: `${num(size.widthIn, 4)}in`,
      height: `${num(size.heightIn, 4)}in`,
      viewBox: `0 0 ${num(size.widthPt, 3)} ${num(size.heightPt, 3)}`,
      'font-family': fontFamilyList(settings.fontFamily),
      'font-size': num(settings.fontSize),
      fill: '#000000',
    },
    el('title', {}, esc(title || fallbackTitle)),
    el('desc', {}, esc(figureWords(settings.lang).exportedBy)),
    el('rect', { x: '0', y: '0', width: num(size.widthPt, 3), height: num(size.heightPt, 3), fill: '#FFFFFF' }),
    ...body,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

export function titleSize(fontSize: number): number {
  return fontSize * 1.1;
}

/** Vertical room the title takes at the top (zero without a title). */
export function titleSpace(title: string, fontSize: number): number {
  return title ? titleSize(fontSize) * 1.35 : 0;
}

export function drawTitle(title: string, cx: number, top: number, fontSize: number): string {
  if (!title) return '';
  const size = titleSize(fontSize);
  return el(
    'text',
    {
      class: 'title',
      x: num(cx),
      y: num(top + size * FONT_ASCENT * 0.92),
      'text-anchor': 'middle',
      'font-size': num(size),
    },
    text(title),
  );
}

/**
 * A tiny SVG string builder. Figures must be byte-identical wherever they are rendered (UI export, CLI), so
 * every number goes through `num` (fixed precision, no exponent, no "-0") and attributes keep the order in
 * which they are given. Nothing here reads the clock, the locale or a random source.
 */
import { CJK_FAMILY_LIST, hasCjk, scriptRuns } from './cjk';

export type AttrValue = string | number | undefined | null | false;
export type Attrs = Record<string, AttrValue>;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values; also drops characters XML 1.0 forbids, which would make the file unparsable. */
export function esc(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
  );
}

/**
 * Coordinates in points with 2 decimals: 1/7200 in, far below any printer's resolution, and short output.
 * Non-finite numbers must never reach the SVG (a "NaN" attribute breaks renderers silently), so they throw.
 */
export function num(v: number, digits = 2): string {
  if (!Number.isFinite(v)) throw new Error(`Non-finite number in figure output: ${v}`);
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  if (r === 0) return '0';
  // toFixed never uses exponent notation below 1e21; coordinates are clamped far below that.
  return r.toFixed(digits).replace(/\.?0+$/, '');
}

function attrString(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return out;
}

/** An element; `children` are already-built strings (use `text()` for character data). */
export function el(name: string, attrs: Attrs = {}, ...children: (string | false | null | undefined)[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c.length > 0).join('');
  return inner.length > 0 ? `<${name}${attrString(attrs)}>${inner}</${name}>` : `<${name}${attrString(attrs)}/>`;
}

/**
 * Character data of a <text> or <tspan>, escaped; runs of Chinese go into tspans naming the CJK font (see
 * cjk.ts), so every renderer draws them with CJK glyphs. Use `esc` for <title> and <desc>.
 */
export function text(s: string): string {
  if (!hasCjk(s)) return esc(s);
  return scriptRuns(s)
    .map((r) => (r.cjk ? `<tspan font-family="${CJK_FAMILY_LIST}">${esc(r.text)}</tspan>` : esc(r.text)))
    .join('');
}

/** A group, omitted entirely when empty so the output carries no dead elements. */
export function group(attrs: Attrs, children: string[]): string {
  const inner = children.filter((c) => c.length > 0);
  return inner.length > 0 ? el('g', attrs, ...inner) : '';
}

/** Path data for a polyline; the caller passes finite points only. */
export function polylineD(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join('');
}

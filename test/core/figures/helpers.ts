/** Shared checks for figure tests: strict XML parsing and scanning every number the SVG holds. */
import { inflateSync } from 'node:zlib';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { FONT_ASCENT, textWidth } from '../../../core/figures/metrics';

export function parseSvg(svg: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(`${level}: ${msg}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  if (errors.length) throw new Error(`SVG is not well-formed XML:\n${errors.join('\n')}`);
  return doc;
}

export function elements(doc: Document, name: string): Element[] {
  const list = doc.getElementsByTagName(name);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i) as Element);
  return out;
}

/** The text of every <text> element (tspans joined), as a reader or a PDF search would see it. */
export function texts(doc: Document): string[] {
  return elements(doc, 'text').map((e) => e.textContent ?? '');
}

/** Every number in every attribute (coordinates, path data, transforms, sizes). */
export function attributeNumbers(doc: Document): string[] {
  const out: string[] = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all.item(i) as Element;
    for (let j = 0; j < el.attributes.length; j++) {
      const a = el.attributes.item(j);
      if (!a || a.name === 'xmlns' || a.name === 'font-family' || a.name === 'class') continue;
      if (/^#[0-9A-Fa-f]{6}$/.test(a.value)) continue;
      out.push(...(a.value.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|NaN|Infinity/g) ?? []));
    }
  }
  return out;
}

/** Reads width/height from a PNG's IHDR chunk. */
export function pngDims(bytes: Uint8Array): { width: number; height: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Chunk types of a PNG, in order. */
export function pngChunks(bytes: Uint8Array): string[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let off = 8;
  while (off < bytes.length) {
    const len = v.getUint32(off);
    out.push(String.fromCharCode(...bytes.subarray(off + 4, off + 8)));
    off += 12 + len;
  }
  return out;
}

/** Minimal CSV reader for our own output (no quoting is ever written). */
export function readCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trimEnd().split('\n');
  return { header: (lines[0] ?? '').split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

export function csvValue(s: string): number {
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
  legend: boolean;
}

const attrUp = (el: Element, name: string): string | null => {
  for (let n: Element | null = el; n && n.nodeType === 1; n = n.parentNode as Element | null)
    if (n.getAttribute(name)) return n.getAttribute(name);
  return null;
};

/** Every <text>'s box from its anchor, font size and the bundled font's advance widths. */
export function svgTextBoxes(svg: string): { W: number; H: number; boxes: TextBox[] } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement!;
  const [, , W, H] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number) as number[];
  const boxes: TextBox[] = [];
  const texts = root.getElementsByTagName('text');
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    const content = t.textContent ?? '';
    if (!content.trim()) continue;
    const fs = Number(attrUp(t, 'font-size') ?? 8);
    const x = Number(t.getAttribute('x') ?? 0);
    const y = Number(t.getAttribute('y') ?? 0);
    const w = textWidth(content, fs);
    const anchor = attrUp(t, 'text-anchor') ?? 'start';
    const start = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    let legend = false;
    for (let n: Element | null = t; n && n.nodeType === 1; n = n.parentNode as Element | null)
      if (n.getAttribute('class') === 'legend') legend = true;
    const rotated = /rotate\(-90/.test(t.getAttribute('transform') ?? '');
    // Rotated −90° about (x, y): the run goes upwards from y, the glyphs' height extends left of x.
    boxes.push(
      rotated
        ? {
            x0: x - fs * FONT_ASCENT,
            x1: x + fs * 0.22,
            y0: y - (start - x) - w,
            y1: y - (start - x),
            text: content,
            legend,
          }
        : { x0: start, x1: start + w, y0: y - fs * FONT_ASCENT, y1: y + fs * 0.22, text: content, legend },
    );
  }
  return { W: W as number, H: H as number, boxes };
}

/** Pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what resvg writes), as a grey level per pixel. */
export function pngGrey(bytes: Uint8Array): { width: number; height: number; grey: Uint8Array } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { width, height } = pngDims(bytes);
  const colorType = bytes[25];
  if (bytes[24] !== 8 || bytes[28] !== 0 || (colorType !== 2 && colorType !== 6))
    throw new Error('pngGrey reads 8-bit non-interlaced RGB(A) only');
  const bpp = colorType === 6 ? 4 : 3;
  const idat: Uint8Array[] = [];
  for (let off = 8; off < bytes.length;) {
    const len = v.getUint32(off);
    if (String.fromCharCode(...bytes.subarray(off + 4, off + 8)) === 'IDAT')
      idat.push(bytes.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? out[y * stride + i - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= bpp ? out[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth : 0;
      out[y * stride + i] = (x + pred) & 0xff;
    }
  }
  const grey = new Uint8Array(width * height);
  for (let k = 0; k < width * height; k++)
    grey[k] = Math.round((out[k * bpp]! + out[k * bpp + 1]! + out[k * bpp + 2]!) / 3);
  return { width, height, grey };
}

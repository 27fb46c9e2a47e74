/** Shared checks for figure tests: strict XML parsing and scanning every number the SVG holds. */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

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

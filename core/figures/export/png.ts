/**
 * PNG through resvg with only the bundled fonts loaded (Arimo, and Noto Sans SC for Chinese): identical pixels on every machine. The width in
 * pixels is exactly widthIn × dpi, and a pHYs chunk records the DPI so LaTeX and word processors place the
 * image at its physical size instead of guessing 72 or 96 dpi.
 */
import { Resvg } from '@resvg/resvg-js';
import { FIGURE_FONT_FAMILY, figureFontPath } from '../font';

export interface PngOptions {
  widthIn: number;
  dpi: number;
}

export function svgToPng(svg: string, opts: PngOptions): Uint8Array {
  const widthPx = Math.max(1, Math.round(opts.widthIn * opts.dpi));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: false,
      fontFiles: [figureFontPath('latin'), figureFontPath('cjk')],
      defaultFontFamily: FIGURE_FONT_FAMILY,
      sansSerifFamily: FIGURE_FONT_FAMILY,
      serifFamily: FIGURE_FONT_FAMILY,
      monospaceFamily: FIGURE_FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const png = resvg.render().asPng();
  return withPhys(new Uint8Array(png.buffer, png.byteOffset, png.byteLength), opts.dpi);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Inserts (or replaces) the pHYs chunk right after IHDR. */
export function withPhys(png: Uint8Array, dpi: number): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdrEnd = 8 + 8 + view.getUint32(8) + 4;
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(4 + 4 + 9 + 4);
  const cv = new DataView(chunk.buffer);
  cv.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  cv.setUint32(8, ppm);
  cv.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  cv.setUint32(17, crc32(chunk.subarray(4, 17)));
  // Drop any pHYs the encoder wrote, so the result is the same whatever resvg version made it.
  const parts: Uint8Array[] = [png.subarray(0, ihdrEnd), chunk];
  let off = ihdrEnd;
  while (off < png.length) {
    const len = view.getUint32(off);
    const type = String.fromCharCode(...png.subarray(off + 4, off + 8));
    const end = off + 12 + len;
    if (type !== 'pHYs') parts.push(png.subarray(off, end));
    off = end;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** Width and height from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

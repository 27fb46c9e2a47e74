/**
 * PDF through pdfkit + svg-to-pdfkit: vector paths, real text (searchable, copyable) in the bundled fonts (Arimo,
 * and Noto Sans SC for Chinese), each embedded as a subset. The page is exactly the figure (no margins) so \includegraphics needs no trimming.
 * Dates and producer fields are fixed, so the same figure gives the same bytes (pdfkit derives the file
 * id from these fields, and its subset tags from the font id, so nothing else varies).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { CJK_FONT_FAMILY, FIGURE_FONT_FAMILY, figureFontPath } from '../font';

/** Any fixed date: the PDF's dates then carry no information, which is the point. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export interface PdfOptions {
  widthPt: number;
  heightPt: number;
  title: string;
}

/** The SVG's own height in points (its viewBox): a custom-size figure may have grown to hold its legend. */
function svgHeightPt(svg: string, fallback: number): number {
  const m = /viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg.slice(0, 2000));
  const h = m ? Number(m[1]) : NaN;
  return Number.isFinite(h) && h > 0 ? h : fallback;
}

export function svgToPdf(svg: string, options: PdfOptions): Promise<Uint8Array> {
  const opts = { ...options, heightPt: svgHeightPt(svg, options.heightPt) };
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: [opts.widthPt, opts.heightPt],
      margin: 0,
      compress: true,
      info: {
        Title: opts.title,
        Creator: 'gradlab',
        Producer: 'gradlab',
        CreationDate: FIXED_DATE,
        ModDate: FIXED_DATE,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const buf = Buffer.concat(chunks);
      resolve(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    });
    doc.on('error', reject);
    try {
      doc.registerFont(FIGURE_FONT_FAMILY, figureFontPath('latin'));
      // Registered only when used: pdfkit embeds a registered font's subset only once text is set in it, but
      // opening the CJK file costs time a Latin-only figure need not pay.
      const cjk = svg.includes(CJK_FONT_FAMILY);
      if (cjk) doc.registerFont(CJK_FONT_FAMILY, figureFontPath('cjk'));
      SVGtoPDF(doc, svg, 0, 0, {
        width: opts.widthPt,
        height: opts.heightPt,
        preserveAspectRatio: 'xMidYMid meet',
        // svg.ts's text() puts Chinese in tspans whose family list starts with the CJK font; pdfkit has no glyph
        // fallback, so that run must be set in the CJK font and everything else in Arimo.
        fontCallback: (family) => (cjk && family.includes(CJK_FONT_FAMILY) ? CJK_FONT_FAMILY : FIGURE_FONT_FAMILY),
        warningCallback: () => undefined,
      });
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

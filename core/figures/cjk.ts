/**
 * Chinese in figures. Latin text stays in Arimo (its metrics are what legends are fitted with, and what
 * Helvetica/Arial viewers reproduce); each run of CJK characters becomes a <tspan> naming the bundled Noto
 * Sans SC first, then the CJK fonts systems carry, so the PNG (resvg), the PDF (pdfkit, which has no glyph
 * fallback of its own) and any SVG viewer all draw it with a CJK font, never as missing-glyph boxes.
 */
/** The family name inside the bundled subset file (resvg matches it, pdfkit registers it under this name). */
export const CJK_FONT_FAMILY = 'Noto Sans SC';

/** Han ideographs, CJK punctuation and full-width forms (scripts/cjk-font-chars.ts subsets by the same set). */
export const CJK_CHAR =
  /[\u2E80-\u2FDF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
const CJK_RUN = new RegExp(`${CJK_CHAR.source}+`, 'gu');

/** The font-family of a CJK run: the bundled font, then the common system CJK fonts of each platform. */
export const CJK_FAMILY_LIST = [
  `'${CJK_FONT_FAMILY}'`,
  "'Source Han Sans SC'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'WenQuanYi Micro Hei'",
  'sans-serif',
].join(', ');

export function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The text cut into runs that are all CJK or all not, in order. */
export function scriptRuns(text: string): { text: string; cjk: boolean }[] {
  const out: { text: string; cjk: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(CJK_RUN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), cjk: false });
    out.push({ text: m[0], cjk: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), cjk: false });
  return out;
}

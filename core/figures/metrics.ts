/**
 * Text metrics of the bundled font (Arimo Regular, metric-compatible with Arial/Helvetica), so layout can
 * size margins and legends without a canvas or font files: the SVG stays a pure function, identical in the
 * UI and the CLI, and the same widths hold for the PNG/PDF (rendered with Arimo) and for viewers that
 * fall back to Helvetica or Arial. Advance widths are in 1/1000 em, taken from the TTF's hmtx table.
 */
import { isCjk } from './cjk';

/** U+0020..U+007E. */
const ASCII_WIDTHS: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

const OTHER_WIDTHS: Readonly<Record<string, number>> = {
  ₘ: 573,
  ₐ: 372,
  ₓ: 328,
  ₙ: 378,
  ᵢ: 157,
  '‖': 418,
  '∂': 494,
  '−': 584,
  '±': 549,
  '·': 333,
  '×': 584,
  '÷': 549,
  '≤': 549,
  '≥': 549,
  '≈': 549,
  '∞': 713,
  '°': 400,
  µ: 576,
  σ: 617,
  γ: 500,
  λ: 500,
  η: 556,
  τ: 395,
  θ: 556,
  α: 578,
  β: 575,
  ε: 446,
  Σ: 618,
  Δ: 668,
  '₀': 333,
  '₁': 333,
  '₂': 333,
  '₃': 333,
  '₄': 333,
  '₅': 333,
  '₆': 333,
  '₇': 333,
  '₈': 333,
  '₉': 333,
  ₜ: 242,
  '⁰': 333,
  '¹': 333,
  '²': 333,
  '³': 333,
  '⁴': 333,
  '⁵': 333,
  '⁶': 333,
  '⁷': 333,
  '⁸': 333,
  '⁹': 333,
  '⁻': 333,
  '⁺': 333,
  '–': 556,
  '—': 1000,
  '’': 222,
  '‘': 222,
  '“': 333,
  '”': 333,
  '…': 1000,
  '→': 1000,
  é: 556,
  è: 556,
  ü: 556,
  ö: 556,
  ä: 556,
  ñ: 556,
  ç: 500,
};

/** Unknown glyphs are sized as a digit: a safe middle that neither crowds nor wastes space. */
const FALLBACK_WIDTH = 556;

/**
 * Chinese is set in Noto Sans SC (cjk.ts), whose ideographs, CJK punctuation and full-width forms all advance
 * one em (test/core/figures/cjk-font.test.ts checks every such glyph of the shipped font).
 */
const CJK_WIDTH = 1000;

export const FONT_ASCENT = 0.9053;
export const FONT_DESCENT = 0.2119;
export const FONT_CAP_HEIGHT = 0.688;

/** Width of `text` set in the figure font at `size` (same unit as `size`). */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const w = code >= 0x20 && code <= 0x7e ? ASCII_WIDTHS[code - 0x20] : isCjk(ch) ? CJK_WIDTH : OTHER_WIDTHS[ch];
    units += w ?? FALLBACK_WIDTH;
  }
  return (units / 1000) * size;
}

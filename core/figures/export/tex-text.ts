/**
 * Labels as LaTeX text: TeX's special characters escaped, and the Unicode the charts use (∂, σ, ±, sub- and
 * superscript digits, …) as the math that pdflatex knows, so a figure compiles with no extra packages.
 */
import { isCjk } from '../cjk';
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\^{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\~{}',
};

const MATH: Record<string, string> = {
  '∂': '\\partial',
  '‖': '\\|',
  '±': '\\pm',
  '×': '\\times',
  '−': '-',
  '∞': '\\infty',
  '→': '\\to',
  σ: '\\sigma',
  γ: '\\gamma',
  θ: '\\theta',
  µ: '\\mu',
  μ: '\\mu',
  λ: '\\lambda',
  ρ: '\\rho',
  η: '\\eta',
  α: '\\alpha',
  β: '\\beta',
  '·': '\\cdot',
  '≤': '\\leq',
  '≥': '\\geq',
  '≈': '\\approx',
};
const TEXT: Record<string, string> = {
  '–': '--',
  '—': '---',
  '…': '\\ldots{}',
  '’': "'",
  '‘': '`',
  '“': '``',
  '”': "''",
  ' ': ' ',
};
const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUB_LETTERS: Record<string, string> = {
  ₜ: 't',
  ₘ: 'm',
  ₓ: 'x',
  ₐ: 'a',
  ₙ: 'n',
  ₖ: 'k',
  ᵢ: 'i',
  '₋': '-',
  '₊': '+',
};
const SUP_SIGNS: Record<string, string> = { '⁻': '-', '⁺': '+', ᵀ: 'T' };

function scriptOf(ch: string): { kind: '_' | '^'; text: string } | null {
  if (SUB.includes(ch)) return { kind: '_', text: String(SUB.indexOf(ch)) };
  if (SUP.includes(ch)) return { kind: '^', text: String(SUP.indexOf(ch)) };
  if (SUB_LETTERS[ch]) return { kind: '_', text: SUB_LETTERS[ch] };
  if (SUP_SIGNS[ch]) return { kind: '^', text: SUP_SIGNS[ch] };
  return null;
}

export function texText(s: string): string {
  let out = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const script = scriptOf(ch);
    if (script) {
      // A run of sub- or superscript characters becomes one script: h₁₀ → $h_{10}$.
      let text = script.text;
      while (i + 1 < chars.length && scriptOf(chars[i + 1] as string)?.kind === script.kind)
        text += scriptOf(chars[++i] as string)!.text;
      out += `$${script.kind}{${text}}$`;
    } else if (SPECIAL[ch]) out += SPECIAL[ch];
    else if (MATH[ch]) out += `$${MATH[ch]}$`;
    else if (TEXT[ch] !== undefined) out += TEXT[ch];
    else if (ch.charCodeAt(0) < 128) out += ch;
    // Chinese stays as it is: the file header asks for xelatex with ctex then (see tex.ts).
    else if (isCjk(ch)) out += ch;
    else out += '?';
  }
  return out.replace(/\$\$/g, ''); // adjacent math pieces join: $\|$$\partial$ → $\|\partial$
}

/** A number as pgfplots reads it: nan, inf, -inf, or a plain decimal with enough digits. */
export function texNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : v.toPrecision(7).replace(/\.?0+(e|$)/, '$1');
}

/** Checks that a piece of Localized prose is really written in both languages from the same numbers. */
import { expect } from 'vitest';
import type { Localized } from '../../../core/api';

const CJK = /[\u4e00-\u9fff]/;
/** Formulas the lessons quote: where the English has one, the Chinese must carry it unchanged. */
const FORMULAS = ['∂L/∂h', 'diag(f′(aₜ))·Whᵀ', 'γ·σ_max', 'σ_max(Wh)', '1/γ', '10·ln 8', '‖∂L/∂h₁‖'];

/** Every number in a text, sorted: "1,500 steps at 0.01" → ["0.01", "1500"]. */
export function numbersOf(text: string): string[] {
  return (text.match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, '')).sort();
}

/** Non-empty in both languages; Chinese prose has Chinese in it (a bare formula or name may stay as it is). */
export function expectBilingual(text: Localized, where: string, opts: { prose?: boolean } = {}): void {
  expect(text.en.trim(), `${where}: English`).not.toBe('');
  expect(text['zh-CN'].trim(), `${where}: zh-CN`).not.toBe('');
  expect(CJK.test(text.en), `${where}: English has Chinese in it: ${text.en}`).toBe(false);
  if (opts.prose !== false) expect(CJK.test(text['zh-CN']), `${where}: not Chinese: ${text['zh-CN']}`).toBe(true);
  for (const f of FORMULAS)
    if (text.en.includes(f)) expect(text['zh-CN'], `${where}: formula ${f} lost in zh-CN`).toContain(f);
  expect(numbersOf(text['zh-CN']), `${where}: numbers differ\n${text.en}\n${text['zh-CN']}`).toEqual(
    numbersOf(text.en),
  );
}

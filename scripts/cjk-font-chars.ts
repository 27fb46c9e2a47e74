/**
 * The characters the figure CJK font must cover, shared by the subsetting script and the coverage test: every
 * CJK character in the figure catalog, the window's zh-CN catalogs and the lessons' and replications' text
 * (read from the files, so the set grows as they fill), plus GB2312's 3,755 level-1 characters (the common
 * ones a user types into a title or a legend name) and its CJK punctuation and full-width forms.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CJK_CHAR } from '../core/figures/cjk';

/** Folders whose Chinese the font must draw, relative to the repository root. */
export const TEXT_SOURCES = [
  'core/figures',
  'core/shared',
  'renderer/src/i18n/locales/zh-CN',
  'core/lessons',
  'core/replications',
];

function filesUnder(root: string, dir: string): string[] {
  const abs = join(root, dir);
  let isFile: boolean;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    return [];
  }
  if (isFile) return [abs];
  return readdirSync(abs).flatMap((name) => filesUnder(root, join(dir, name)));
}

/** CJK characters in the texts under TEXT_SOURCES, each with the first file that uses it. */
export function usedCjkChars(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of TEXT_SOURCES)
    for (const file of filesUnder(root, dir)) {
      if (!/\.(ts|tsx|json|md)$/.test(file)) continue;
      for (const ch of readFileSync(file, 'utf8')) if (CJK_CHAR.test(ch) && !out.has(ch)) out.set(ch, file);
    }
  return out;
}

/** GB2312 level 1 (rows 16–55) and its punctuation rows (1–3), decoded with the platform's GBK decoder. */
export function gb2312Common(): Set<string> {
  const dec = new TextDecoder('gbk');
  const out = new Set<string>();
  const rows = [0xa1, 0xa2, 0xa3, ...Array.from({ length: 0xd7 - 0xb0 + 1 }, (_, i) => 0xb0 + i)];
  for (const hi of rows)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && CJK_CHAR.test(ch)) out.add(ch);
    }
  return out;
}

/**
 * The bundled figure fonts, both SIL OFL 1.1: Arimo Regular (Latin, Greek, the math signs; fonts/OFL.txt) and
 * a subset of Noto Sans SC Regular for Chinese (fonts/OFL-NotoSansSC.txt; `npm run font:cjk` makes it, see
 * scripts/subset-cjk-font.mjs). PNG and PDF are rendered with these files only, never with the machine's
 * fonts, so every machine produces the same pixels and glyphs.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { CJK_FONT_FAMILY } from './cjk';
export const FIGURE_FONT_FAMILY = 'Arimo';

export const FIGURE_FONT_FILES = { latin: 'Arimo-Regular.ttf', cjk: 'NotoSansSC-Regular-subset.ttf' } as const;
export type FigureFontKind = keyof typeof FIGURE_FONT_FILES;

let override: string | null = null;

/**
 * Where a packaged app keeps the Latin font (e.g. an unpacked resources folder, since the native PNG renderer
 * cannot read inside an asar archive); the CJK font sits beside it. `null` restores the default next to this
 * module.
 */
export function setFigureFontPath(path: string | null): void {
  override = path;
}

export function figureFontPath(kind: FigureFontKind = 'latin'): string {
  const file = FIGURE_FONT_FILES[kind];
  if (override) return kind === 'latin' ? override : join(dirname(override), file);
  const candidates = [
    new URL(`./fonts/${file}`, import.meta.url),
    new URL(`../core/figures/fonts/${file}`, import.meta.url),
  ];
  for (const url of candidates) {
    if (url.protocol !== 'file:') continue;
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error(`Figure font ${file} not found next to core/figures; call setFigureFontPath() with its location`);
}

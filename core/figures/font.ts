/**
 * The bundled figure font (Arimo Regular, SIL OFL 1.1, see fonts/OFL.txt). PNG and PDF are rendered with
 * this file only, never with the machine's fonts, so every machine produces the same pixels and glyphs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIGURE_FONT_FAMILY = 'Arimo';
const FONT_FILE = 'Arimo-Regular.ttf';

let override: string | null = null;

/**
 * Where a packaged app keeps the font (e.g. an unpacked resources folder, since the native PNG renderer
 * cannot read inside an asar archive). `null` restores the default next to this module.
 */
export function setFigureFontPath(path: string | null): void {
  override = path;
}

export function figureFontPath(): string {
  if (override) return override;
  const candidates = [
    new URL(`./fonts/${FONT_FILE}`, import.meta.url),
    new URL(`../core/figures/fonts/${FONT_FILE}`, import.meta.url),
  ];
  for (const url of candidates) {
    if (url.protocol !== 'file:') continue;
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error(
    `Figure font ${FONT_FILE} not found next to core/figures; call setFigureFontPath() with its location`,
  );
}

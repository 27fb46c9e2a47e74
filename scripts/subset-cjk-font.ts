/**
 * Writes core/figures/fonts/NotoSansSC-Regular-subset.ttf: Noto Sans SC Regular (SIL OFL 1.1, from the npm
 * package @expo-google-fonts/noto-sans-sc, which ships Google Fonts' TTF files) cut down with subset-font
 * (HarfBuzz's hb-subset) to the characters of scripts/cjk-font-chars.ts, so figures draw Chinese with a
 * 1.2 MB font instead of a 10.6 MB one. Run `npm run font:cjk` after adding Chinese text with a character
 * outside the set; test/core/figures/cjk-font.test.ts fails until then, naming the character and its file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { gb2312Common, usedCjkChars } from './cjk-font-chars';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const source = readFileSync(join(pkg, '400Regular', 'NotoSansSC_400Regular.ttf'));

const chars = new Set([...gb2312Common(), ...usedCjkChars(root).keys()]);
// Sorted, so the same set gives the same file whatever order the texts were read in.
const text = [...chars].sort().join('');
const subset = await subsetFont(source, text, { targetFormat: 'truetype' });
const fonts = join(root, 'core', 'figures', 'fonts');
writeFileSync(join(fonts, 'NotoSansSC-Regular-subset.ttf'), subset);
writeFileSync(join(fonts, 'OFL-NotoSansSC.txt'), readFileSync(join(pkg, 'LICENSE_FONT')));
console.log(
  `wrote core/figures/fonts/NotoSansSC-Regular-subset.ttf: ${chars.size} characters, ${subset.length} bytes (the whole font: ${source.length})`,
);

/**
 * The shipped CJK figure font covers every Chinese character the lab's texts use (read from the files now,
 * so the check keeps up as the catalogs and lessons fill), and the layout's widths are its real advances.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSync } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { figureFontPath } from '../../../core/figures/font';
import { CJK_CHAR, scriptRuns } from '../../../core/figures/cjk';
import { textWidth } from '../../../core/figures/metrics';
import { gb2312Common, TEXT_SOURCES, usedCjkChars } from '../../../scripts/cjk-font-chars';

const root = path.resolve(__dirname, '../../..');
const font = openSync(figureFontPath('cjk'));

describe('the CJK figure font', () => {
  it('is Noto Sans SC, a subset of about 1.2 MB', () => {
    expect(font.familyName).toBe('Noto Sans SC');
    const bytes = fs.statSync(figureFontPath('cjk')).size;
    expect(bytes).toBeLessThan(1_600_000);
    console.log(`CJK figure font: ${font.characterSet.length} code points, ${bytes} bytes`);
  });

  it("has a glyph for every Chinese character of the figure catalog, the window's zh-CN catalogs, the lessons and the replications", () => {
    const used = usedCjkChars(root);
    // The catalogs the brief names are read, whether or not they hold Chinese yet.
    for (const dir of TEXT_SOURCES.slice(0, 3)) expect(fs.existsSync(path.join(root, dir))).toBe(true);
    expect(used.size).toBeGreaterThan(20); // the figure catalog alone has more
    const missing = [...used].filter(([ch]) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(
      missing.map(
        ([ch, file]) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) in ${path.relative(root, file)}`,
      ),
      'characters without a glyph: run `npm run font:cjk` and commit the font',
    ).toEqual([]);
  });

  it('has the 3,755 common characters of GB2312 level 1 and its punctuation, for titles and names users type', () => {
    const common = [...gb2312Common()];
    expect(common.length).toBeGreaterThan(3755);
    expect(common.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!))).toEqual([]);
    // The check can fail: a rare character outside every text and outside level 1 has no glyph.
    expect(font.hasGlyphForCodePoint('龘'.codePointAt(0)!)).toBe(false);
  });

  it("measures every CJK glyph at the font's own advance width", () => {
    let checked = 0;
    for (const cp of font.characterSet) {
      const ch = String.fromCodePoint(cp);
      if (!CJK_CHAR.test(ch)) continue;
      const advance = (font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm) * 1000;
      expect(textWidth(ch, 1000), ch).toBeCloseTo(advance, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(3800);
  });

  it('cuts mixed text into runs of one script', () => {
    expect(scriptRuns('tanh 循环网络（n = 3）')).toEqual([
      { text: 'tanh ', cjk: false },
      { text: '循环网络（', cjk: true },
      { text: 'n = 3', cjk: false },
      { text: '）', cjk: true },
    ]);
  });
});

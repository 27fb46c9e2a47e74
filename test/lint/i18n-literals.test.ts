/** The window's converted areas may not show a literal string: lint says so, for text and for read attributes. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function literals(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').length;
}

const wrap = (jsx: string) => `export const Panel = ({ t }: { t: (k: string) => string }) => ${jsx};\n`;

describe('no literal strings in the window', () => {
  it('flags JSX text and visible attributes in a converted area', async () => {
    expect(await literals('renderer/src/runs/X.tsx', wrap('<p>Delete the run?</p>'))).toBe(1);
    expect(await literals('renderer/src/builder/X.tsx', wrap('<button aria-label="Close">✕</button>'))).toBe(1);
    expect(await literals('renderer/src/export/X.tsx', wrap('<input placeholder="File name" />'))).toBe(1);
  });

  it('lets catalog text, symbols and non-text attributes pass', async () => {
    expect(await literals('renderer/src/runs/X.tsx', wrap('<p className="muted" id="a">{t(\'x\')} ✕ — 42</p>'))).toBe(
      0,
    );
  });
});

/**
 * The catalogs' contract (issue 14): both languages have the same keys in every area, every message is valid
 * ICU with the same placeholders in both, and no key is left that the window's source never names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icuPlaceholders } from '../../icu-placeholders';
import { LANGS } from '../../../core/shared/lang';
import { NAMESPACES } from '../../../renderer/src/i18n/resources';

const LOCALES = join(import.meta.dirname, '../../../renderer/src/i18n/locales');
const SOURCE = join(import.meta.dirname, '../../../renderer/src');

type Tree = { [k: string]: string | Tree };
const catalog = (lang: string, ns: string): Tree =>
  JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('the catalogs', () => {
  it('have one file per area and language, and no file for an unknown area', () => {
    for (const lang of LANGS)
      expect(readdirSync(join(LOCALES, lang)).sort()).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
  });

  for (const ns of NAMESPACES) {
    describe(ns, () => {
      const en = flatten(catalog('en', ns));
      const zh = flatten(catalog('zh-CN', ns));

      it('has the same keys in English and Chinese', () => {
        expect(
          [...zh.keys()].filter((k) => !en.has(k)),
          'only in zh-CN',
        ).toEqual([]);
        expect(
          [...en.keys()].filter((k) => !zh.has(k)),
          'only in en',
        ).toEqual([]);
      });

      it('has valid ICU messages with the same placeholders in both languages, none left empty', () => {
        for (const [key, enMsg] of en) {
          const zhMsg = zh.get(key) ?? '';
          expect(enMsg.trim(), `en ${ns}:${key} is empty`).not.toBe('');
          expect(zhMsg.trim(), `zh-CN ${ns}:${key} is empty`).not.toBe('');
          const a = icuPlaceholders(enMsg);
          const b = icuPlaceholders(zhMsg);
          expect([...b].sort(), `placeholders of ${ns}:${key}`).toEqual([...a].sort());
        }
      });
    });
  }

  it('have no key that the window never names', () => {
    const text = sourceFiles(SOURCE)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused: string[] = [];
    for (const ns of NAMESPACES)
      for (const key of flatten(catalog('en', ns)).keys())
        // A key is named as a literal ('key' or "key"), or with its namespace ('ns:key').
        if (![`'${key}'`, `"${key}"`, `'${ns}:${key}'`].some((q) => text.includes(q))) unused.push(`${ns}:${key}`);
    expect(unused).toEqual([]);
  });
});

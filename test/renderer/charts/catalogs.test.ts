/** The charts, compare and live catalogs: the same keys in English and Chinese, and every message valid ICU. */
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { RESOURCES } from '../../../renderer/src/i18n/resources';

type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flat(v, key)) out.set(kk, vv);
  }
  return out;
};

describe.each(['charts', 'compare', 'live'] as const)('the %s catalog', (ns) => {
  const en = flat(RESOURCES.en[ns] as Tree);
  const zh = flat(RESOURCES['zh-CN'][ns] as Tree);

  it('has every English key in Chinese, and no other', () => {
    expect(en.size).toBeGreaterThan(0);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('parses as ICU in both languages, with the same arguments', () => {
    const args = (m: string) => [...m.matchAll(/\{(\w+)/g)].map((x) => x[1]).sort();
    for (const [key, message] of en) {
      expect(() => new IntlMessageFormat(message, 'en'), key).not.toThrow();
      const other = zh.get(key) ?? '';
      expect(() => new IntlMessageFormat(other, 'zh-CN'), key).not.toThrow();
      expect(new Set(args(other)), key).toEqual(new Set(args(message)));
      expect(other, key).not.toBe('');
    }
  });
});

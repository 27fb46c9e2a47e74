/** The `cluster` catalog: the same keys in English and Chinese, every message formats with its values. */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../renderer/src/i18n';
import en from '../../../renderer/src/i18n/locales/en/cluster.json';
import zh from '../../../renderer/src/i18n/locales/zh-CN/cluster.json';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
const values = { count: 2, busy: 1, concurrency: 4, seconds: 3, broker: 'redis://:***@h:6379', message: 'boom' };

describe('the cluster catalog', () => {
  it('has every English key in Chinese, and nothing else', () => {
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
  });

  it('formats every message in both languages, with plurals', async () => {
    for (const lng of ['en', 'zh-CN']) {
      await i18n.changeLanguage(lng);
      for (const key of keysOf(en)) {
        // Keys read from the JSON at run time: the typed t() cannot know them, the untyped one is what is tested.
        const text = (i18n.t as (k: string, o: object) => string)(key, { ns: 'cluster', ...values });
        expect(text, `${lng} ${key}`).not.toBe(key);
        expect(text, `${lng} ${key}`).not.toMatch(/\{[a-z]+[,}]/);
      }
    }
    await i18n.changeLanguage('en');
    expect(i18n.t('workers.title', { ns: 'cluster', count: 1, busy: 0 })).toBe('1 worker, 0 busy');
    expect(i18n.t('seenAgo', { ns: 'cluster', seconds: 0 })).toBe('just now');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('workers.title', { ns: 'cluster', count: 3, busy: 2 })).toBe('3 个工作节点，其中 2 个忙碌');
    await i18n.changeLanguage('en');
  });
});

import { describe, expect, it } from 'vitest';
import { langFromLocales } from '../../../renderer/src/i18n/language';

describe('the first language', () => {
  it('is Chinese for any zh locale, whatever its region or script', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN', 'ZH-hk']) expect(langFromLocales([tag])).toBe('zh-CN');
  });

  it('is English for English and for languages the lab does not speak', () => {
    expect(langFromLocales(['en-US'])).toBe('en');
    expect(langFromLocales(['fr-FR', 'de'])).toBe('en');
    expect(langFromLocales([])).toBe('en');
  });

  it('follows the first of the preferred languages the lab speaks', () => {
    expect(langFromLocales(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(langFromLocales(['en-GB', 'zh-CN'])).toBe('en');
  });
});

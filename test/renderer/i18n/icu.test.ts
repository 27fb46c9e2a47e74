import { describe, expect, it } from 'vitest';
import { i18n } from '../../../renderer/src/i18n';

describe('the i18n layer', () => {
  it('formats ICU plurals in English and in Chinese', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('runCount', { count: 1 })).toBe('1 run');
    expect(i18n.t('runCount', { count: 3 })).toBe('3 runs');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('runCount', { count: 3 })).toBe('3 个运行');
    await i18n.changeLanguage('en');
  });
});

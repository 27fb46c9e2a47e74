import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG, isLang, type Lang } from '../../../core/shared/lang';

/** The window's current language, for core's Localized prose and for locale-aware formatting. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
}

/**
 * The window's i18n layer: i18next with ICU messages (i18next-icu) and React bindings (react-i18next).
 * Components call useT('<area>') and render t('key', { values }); core's prose arrives Localized and is
 * picked with useLang() (see core/shared/lang.ts).
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next, useTranslation } from 'react-i18next';
import { DEFAULT_LANG, LANGS } from '../../../core/shared/lang';
import { NAMESPACES, RESOURCES, type Namespace } from './resources';

void i18next
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: RESOURCES,
    lng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // React escapes what it renders; escaping here as well would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });

export const i18n = i18next;

/** The translate function of one area's catalog. */
export function useT<N extends Namespace>(ns: N) {
  return useTranslation(ns).t;
}

/**
 * The window's i18n layer: i18next with ICU messages (i18next-icu) and React bindings (react-i18next).
 * Components call useT('<area>') and render t('key', { values }); core's prose arrives Localized and is
 * picked with useLang() (see core/shared/lang.ts).
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGS, isLang, type Lang } from '../../../core/shared/lang';
import { NAMESPACES, RESOURCES, type Namespace } from './resources';
import { initialLang, markDocument, saveLang } from './language';

void i18next
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: RESOURCES,
    lng: initialLang(),
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

markDocument(isLang(i18next.language) ? i18next.language : 'en');
i18next.on('languageChanged', (lng) => {
  if (isLang(lng)) markDocument(lng);
});

/** Switches the window's language and remembers it for the next start. */
export async function setLang(lang: Lang): Promise<void> {
  saveLang(lang);
  await i18next.changeLanguage(lang);
}

/** Translations outside React (data modules called while rendering): resolved in the current language. */
export const tFor = <N extends Namespace>(ns: N) => i18next.getFixedT(null, ns);

/** The translate function of one area's catalog. */
export function useT<N extends Namespace>(ns: N) {
  return useTranslation(ns).t;
}

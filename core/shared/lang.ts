/**
 * The lab's two languages: Simplified Chinese (the language of the tutorial whose story the lessons measure)
 * and English. Text that core produces for the window (lessons, replications) travels in both, so that a
 * pushed event or a stored result never has to be re-fetched when the reader switches language.
 */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** One piece of prose in every language the lab speaks. */
export type Localized = { readonly [L in Lang]: string };

export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}

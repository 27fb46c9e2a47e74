/**
 * Writing the lessons' and replications' prose in both languages. Every sentence is written once per
 * language from the same numbers (a template per language), never assembled from English fragments.
 */
import { LANGS, type Lang, type Localized } from '../api';

/** One piece of prose: English, then Simplified Chinese. */
export function L(en: string, zh: string): Localized {
  return { en, 'zh-CN': zh };
}

/** The same construction in every language (e.g. joining localized parts). */
export function perLang(make: (lang: Lang) => string): Localized {
  return Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Localized;
}

/** Paragraphs per language, separated by blank lines. */
export function paragraphs(...parts: Localized[]): Localized {
  return perLang((lang) => parts.map((p) => p[lang]).join('\n\n'));
}

/** Lines per language (a lesson's plan: one line per scale). */
export function lines(...parts: Localized[]): Localized {
  return perLang((lang) => parts.map((p) => p[lang]).join('\n'));
}

/** A list in running text: "a, b" / "a、b". */
export function listL(items: readonly Localized[]): Localized {
  return perLang((lang) => items.map((i) => i[lang]).join(lang === 'zh-CN' ? '、' : ', '));
}

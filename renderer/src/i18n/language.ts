/**
 * Which language the window speaks: the one the user picked (remembered in localStorage), else the browser's
 * or system's (navigator.languages, which Electron fills from the OS): any Chinese → zh-CN, anything else → en.
 * Guarded for Node (the catalog tests import the layer without a DOM).
 */
import { DEFAULT_LANG, isLang, type Lang } from '../../../core/shared/lang';

export const LANG_STORAGE_KEY = 'gradlab.lang';

/** The lab's language for a list of BCP 47 tags, most preferred first: the first zh* or en* tag decides. */
export function langFromLocales(locales: readonly string[]): Lang {
  for (const tag of locales) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANG;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A sandboxed page may refuse storage outright; the language is then not remembered.
    return null;
  }
}

export function savedLang(): Lang | null {
  const v = storage()?.getItem(LANG_STORAGE_KEY);
  return isLang(v) ? v : null;
}

export function saveLang(lang: Lang): void {
  storage()?.setItem(LANG_STORAGE_KEY, lang);
}

/** The language to start in: the saved choice, else the system's. */
export function initialLang(): Lang {
  const saved = savedLang();
  if (saved) return saved;
  if (typeof navigator === 'undefined') return DEFAULT_LANG;
  const list = navigator.languages?.length ? navigator.languages : [navigator.language];
  return langFromLocales(list.filter(Boolean));
}

/** Tells the page (screen readers, fonts, hyphenation) which language it is in. */
export function markDocument(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

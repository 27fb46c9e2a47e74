/**
 * Numbers and durations as people read them, one rendering for the window, the CLI and the figures.
 * Non-finite values are data here (a diverged run's loss), so they print explicitly, always the same way.
 */
import type { Lang } from './lang';

/** 'NaN', '∞' or '−∞' (U+2212, as every minus sign below). */
export function nonFiniteText(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
}

/**
 * A short, locale-free rendering: `digits` significant digits, exponent form outside [1e-3, 1e6) ("1e−5");
 * whole numbers below 1e6 (steps) are written out exactly.
 */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return nonFiniteText(v);
  if (v === 0) return '0';
  const abs = Math.abs(v);
  let s: string;
  if (Number.isInteger(v) && abs < 1e6) s = String(v);
  else if (abs >= 1e-3 && abs < 1e6) s = String(Number(v.toPrecision(digits)));
  else {
    const [m, e] = v.toExponential(digits - 1).split('e');
    s = `${String(Number(m))}e${Number(e)}`;
  }
  return s.replace(/-/g, '\u2212');
}

/** A table cell: formatNumber, or '—' for a value that was never recorded. */
export function formatMetric(v: number | undefined | null, digits = 4): string {
  return v === undefined || v === null ? '—' : formatNumber(v, digits);
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '−': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 10⁻³ style label for a power of ten; other values as formatNumber with 3 digits. */
export function formatPow10(v: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return formatNumber(v, 3);
  const k = Math.round(Math.log10(v));
  if (Math.abs(v / 10 ** k - 1) > 1e-9) return formatNumber(v, 3);
  return `10${String(k).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** The words of a duration per language; English stays the default (the CLI and the figures use it). */
const DURATION_UNITS: Record<Lang, { s: string; min: string; h: string; sep: string }> = {
  en: { s: ' s', min: ' min', h: ' h', sep: ' ' },
  'zh-CN': { s: ' 秒', min: ' 分', h: ' 小时', sep: ' ' },
};

/**
 * Seconds, minutes, hours as a person says them: "9.1 s", "4 min 7 s", "1 h 5 min" ("9.1 秒", "4 分 7 秒",
 * "1 小时 5 分" in Chinese); '—' when unknown.
 */
export function formatDuration(ms: number | undefined | null, lang: Lang = 'en'): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  const u = DURATION_UNITS[lang];
  const s = ms / 1000;
  if (s < 60) {
    const digits = s < 10 ? 1 : 0;
    // The locale's digits and decimal sign; rounding matches toFixed so "9.96 s" does not print as "10.0 s".
    const n = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return `${n.format(Number(s.toFixed(digits)))}${u.s}`;
  }
  const total = Math.round(s);
  const m = Math.floor(total / 60);
  if (m < 60) return `${m}${u.min}${u.sep}${total % 60}${u.s}`;
  return `${Math.floor(m / 60)}${u.h}${u.sep}${m % 60}${u.min}`;
}

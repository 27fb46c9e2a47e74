/** Dates and counts for dense tables (numbers and durations: core/shared/format.ts). */
import type { Lang } from '../../../core/shared/lang';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * English: local "2025-03-14 09:26", sortable by eye and unambiguous across locales. Chinese: the same
 * moment as a Chinese reader writes it ("2025/03/14 09:26", 24-hour clock), from Intl.
 */
export function formatDate(iso: string | null, lang: Lang = 'en'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (lang !== 'en')
    return new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(d);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatCount(n: number, lang: Lang = 'en'): string {
  return n.toLocaleString(lang === 'en' ? 'en-US' : lang);
}

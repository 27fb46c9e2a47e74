/** Dates and counts for dense tables (numbers and durations: core/shared/format.ts). */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local "2025-03-14 09:26", sortable by eye and unambiguous across locales. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

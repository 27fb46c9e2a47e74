/** Number and date formatting for dense tables: fixed significant digits, explicit non-finite values. */

/** 4 significant digits; exponent form outside [1e-3, 1e5) so tiny gradients stay legible. */
export function formatMetric(v: number | undefined | null, digits = 4): string {
  if (v === undefined || v === null) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '−Inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return Number(v.toPrecision(digits)).toString();
  return v.toExponential(digits - 2).replace('e+', 'e').replace('-', '−');
}

/** Axis ticks: short, exponent form for decades on log axes. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return Number(v.toPrecision(3)).toString();
  const e = Math.round(Math.log10(a));
  if (Math.abs(a - 10 ** e) / 10 ** e < 1e-9) return `${v < 0 ? '−' : ''}1e${e}`;
  return v.toExponential(1).replace('e+', 'e');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local "2025-03-14 09:26", sortable by eye and unambiguous across locales. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDuration(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '—';
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

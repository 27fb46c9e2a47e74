/** Paging for long histories: the host sorts and slices, so thousands of runs cost one page of rows. */
import { formatCount } from './format';
import { PAGE_SIZES } from './run-options';

export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number, limit: number) => void;
}

export function Pager({ offset, limit, total, onChange }: PagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pager" aria-label="Pages of runs">
      <span className="pager-range" aria-live="polite">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {total === 1 ? 'run' : 'runs'}
      </span>
      <button
        type="button"
        className="act-btn act-small"
        aria-label="First page"
        disabled={offset === 0}
        onClick={() => onChange(0, limit)}
      >
        «
      </button>
      <button
        type="button"
        className="act-btn act-small"
        aria-label="Previous page"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit), limit)}
      >
        ‹ Prev
      </button>
      <span className="pager-page">
        page {page} / {pages}
      </span>
      <button
        type="button"
        className="act-btn act-small"
        aria-label="Next page"
        disabled={last >= total}
        onClick={() => onChange(offset + limit, limit)}
      >
        Next ›
      </button>
      <button
        type="button"
        className="act-btn act-small"
        aria-label="Last page"
        disabled={last >= total}
        onClick={() => onChange((pages - 1) * limit, limit)}
      >
        »
      </button>
      <label className="pager-size">
        Rows per page{' '}
        <select value={limit} onChange={(e) => onChange(0, Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}

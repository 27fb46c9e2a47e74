/** Paging for long histories: the host sorts and slices, so thousands of runs cost one page of rows. */
import { formatCount } from './format';
import { PAGE_SIZES } from './run-options';
import { useT } from '../i18n';
import { useLang } from '../i18n/useLang';

export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number, limit: number) => void;
}

export function Pager({ offset, limit, total, onChange }: PagerProps) {
  const t = useT('runs');
  const lang = useLang();
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <span className="pager-range" aria-live="polite">
        {t('pager.range', { first, last, total })}
      </span>
      <button
        type="button"
        className="act-btn act-small"
        aria-label={t('pager.first')}
        disabled={offset === 0}
        onClick={() => onChange(0, limit)}
      >
        «
      </button>
      <button
        type="button"
        className="act-btn act-small"
        aria-label={t('pager.previous')}
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit), limit)}
      >
        {t('pager.prev')}
      </button>
      <span className="pager-page">{t('pager.page', { page, pages })}</span>
      <button
        type="button"
        className="act-btn act-small"
        aria-label={t('pager.next')}
        disabled={last >= total}
        onClick={() => onChange(offset + limit, limit)}
      >
        {t('pager.nextShort')}
      </button>
      <button
        type="button"
        className="act-btn act-small"
        aria-label={t('pager.last')}
        disabled={last >= total}
        onClick={() => onChange((pages - 1) * limit, limit)}
      >
        »
      </button>
      <label className="pager-size">
        {t('pager.rowsPerPage')}{' '}
        <select value={limit} onChange={(e) => onChange(0, Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {formatCount(n, lang)}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}

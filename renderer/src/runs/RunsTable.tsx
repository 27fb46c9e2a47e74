/** The Runs table: sticky sortable header, one RunRow per run, and a select-all box for the page. */
import { useEffect, useRef } from 'react';
import type { RunSummary } from '../../../core/api/records';
import { RunRow } from './RunRow';
import type { SortKey, SortOrder } from './run-options';
import type { LiveProgress } from './useRunList';
import { useT } from '../i18n';

interface Column {
  label: ColumnKey;
  sort?: SortKey;
  numeric?: boolean;
  className?: string;
}

type ColumnKey =
  | 'col.name'
  | 'col.task'
  | 'col.cell'
  | 'col.activation'
  | 'col.init'
  | 'col.clip'
  | 'col.status'
  | 'col.finalLoss'
  | 'col.horizon'
  | 'col.created'
  | 'col.tags';

const COLUMNS: Column[] = [
  { label: 'col.name', sort: 'name', className: 'col-name' },
  { label: 'col.task' },
  { label: 'col.cell' },
  { label: 'col.activation' },
  { label: 'col.init', className: 'col-init' },
  { label: 'col.clip', className: 'col-clip' },
  { label: 'col.status', sort: 'status' },
  { label: 'col.finalLoss', sort: 'finalLoss', numeric: true },
  { label: 'col.horizon', sort: 'horizon', numeric: true },
  { label: 'col.created', sort: 'createdAt', numeric: true, className: 'col-date' },
  { label: 'col.tags', className: 'col-tags' },
];

/** The first click on a column sorts the useful way round: best loss first, longest horizon first, newest first. */
export const FIRST_ORDER: Record<SortKey, SortOrder> = {
  name: 'asc',
  status: 'asc',
  finalLoss: 'asc',
  horizon: 'desc',
  createdAt: 'desc',
};

export interface RunsTableProps {
  runs: RunSummary[];
  live: ReadonlyMap<string, LiveProgress>;
  sort: SortKey;
  order: SortOrder;
  onSort: (sort: SortKey, order: SortOrder) => void;
  selectedIds: ReadonlySet<string>;
  onSelect: (run: RunSummary, on: boolean) => void;
  onSelectPage: (on: boolean) => void;
  activeId: string | null;
  onOpen: (run: RunSummary) => void;
  onDetails: (run: RunSummary) => void;
}

export function RunsTable(p: RunsTableProps) {
  const t = useT('runs');
  const pageSelected = p.runs.filter((r) => p.selectedIds.has(r.id)).length;
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = pageSelected > 0 && pageSelected < p.runs.length;
  }, [pageSelected, p.runs.length]);

  return (
    <table className="runs-table" aria-label={t('table.label')}>
      <thead>
        <tr>
          <th className="col-check" scope="col">
            <input
              ref={allBox}
              type="checkbox"
              aria-label={t('table.selectPage')}
              checked={p.runs.length > 0 && pageSelected === p.runs.length}
              onChange={(e) => p.onSelectPage(e.target.checked)}
            />
          </th>
          {COLUMNS.map((c) => {
            const sorted = c.sort === p.sort;
            return (
              <th
                key={c.label}
                scope="col"
                className={`${c.numeric ? 'num' : ''} ${c.className ?? ''}`}
                aria-sort={sorted ? (p.order === 'asc' ? 'ascending' : 'descending') : c.sort ? 'none' : undefined}
              >
                {c.sort ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      c.sort && p.onSort(c.sort, sorted ? (p.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[c.sort])
                    }
                  >
                    {t(c.label)}
                    <span aria-hidden="true" className="sort-arrow">
                      {sorted ? (p.order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  t(c.label)
                )}
              </th>
            );
          })}
          <th className="col-actions" scope="col">
            <span className="visually-hidden">{t('col.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {p.runs.map((run) => (
          <RunRow
            key={run.id}
            run={run}
            live={p.live.get(run.id)}
            selected={p.selectedIds.has(run.id)}
            active={p.activeId === run.id}
            onSelect={(on) => p.onSelect(run, on)}
            onOpen={() => p.onOpen(run)}
            onDetails={() => p.onDetails(run)}
          />
        ))}
      </tbody>
    </table>
  );
}

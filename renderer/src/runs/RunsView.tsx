/**
 * The Runs tab: every run in the history, searchable, filterable, sortable and paged by the host, kept live by
 * the lab's events. Ticked runs go to Compare; a run's name opens it (App decides where: the live view).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { RunSummary } from '../../../core/api/records';
import { getLab } from '../api/lab';
import { Pager } from './Pager';
import { RunDetailsPanel } from './RunDetailsPanel';
import { RunFilters } from './RunFilters';
import { EMPTY_FILTERS, hasFilters, toRunQuery, type RunFilterState } from './run-options';
import { RunsTable } from './RunsTable';
import { SelectionBar } from './SelectionBar';
import { ImportTensorBoardButton } from './TensorBoardDialogs';
import { useRunList } from './useRunList';
import { addSelected, toggleSelected, updateRunsView, useRunsView } from './view-store';
import './runs.css';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';

export interface RunsViewProps {
  /** Show the selection in the Compare tab (App switches tabs; the selection is already the one Compare shows). */
  onCompare: () => void;
  /** Open one run (App shows it in the live/run view). Without it, a name click opens the details panel. */
  onOpenRun?: ((runId: string) => void) | undefined;
}

export function RunsView({ onCompare, onOpenRun }: RunsViewProps) {
  const t = useT('runs');
  const view = useRunsView();
  const query = useMemo(
    () => toRunQuery(view.filters, view.sort, view.order, view.offset, view.limit),
    [view.filters, view.sort, view.order, view.offset, view.limit],
  );
  const list = useRunList(query);
  const selectedIds = useMemo(() => new Set(view.selected.map((r) => r.id)), [view.selected]);

  // Tags seen on any page so far: suggestions for the tag filter and editor (the contract lists no tags).
  const tagsSeen = useRef(new Set<string>());
  for (const r of list.runs) for (const tag of r.tags) tagsSeen.current.add(tag);
  const knownTags = [...tagsSeen.current].sort();

  const setFilters = useCallback((filters: RunFilterState) => updateRunsView({ filters, offset: 0 }), []);
  const details = view.detailsId ? list.runs.find((r) => r.id === view.detailsId) : undefined;
  const compare = () => view.selected.length > 0 && onCompare();
  const open = (run: RunSummary) => (onOpenRun ? onOpenRun(run.id) : updateRunsView({ detailsId: run.id }));

  const filtered = hasFilters(view.filters);
  const empty = !list.loading && !list.error && list.runs.length === 0;

  return (
    <section className="runs-view" aria-labelledby="runs-heading">
      <div className="runs-toolbar">
        <h2 id="runs-heading" className="visually-hidden">
          {t('heading')}
        </h2>
        <RunFilters value={view.filters} onChange={setFilters} knownTags={knownTags} />
        <ImportBundleButton onImported={list.refresh} />
        <ImportTensorBoardButton onImported={list.refresh} />
      </div>
      <SelectionBar
        selected={view.selected}
        onCompare={compare}
        onClear={() => updateRunsView({ selected: [] })}
        onDeleted={(ids) => {
          updateRunsView((s) => ({ selected: s.selected.filter((r) => !ids.includes(r.id)) }));
          list.refresh();
        }}
      />
      {list.error && (
        <div role="alert" className="runs-error">
          {t('view.listError', { error: list.error })}{' '}
          <button type="button" className="act-btn act-small" onClick={list.refresh}>
            {t('view.retry')}
          </button>
        </div>
      )}
      <div className="runs-body">
        <div className="runs-scroll" aria-busy={list.loading}>
          <RunsTable
            runs={list.runs}
            live={list.live}
            sort={view.sort}
            order={view.order}
            onSort={(sort, order) => updateRunsView({ sort, order, offset: 0 })}
            selectedIds={selectedIds}
            onSelect={(run, on) => toggleSelected(run, on)}
            onSelectPage={(on) => list.runs.forEach((r) => toggleSelected(r, on))}
            activeId={view.detailsId}
            onOpen={open}
            onDetails={(run) => updateRunsView((s) => ({ detailsId: s.detailsId === run.id ? null : run.id }))}
          />
          {empty && (
            <div className="empty-state">
              {filtered ? (
                <>
                  <p>{t('view.noMatch')}</p>
                  <button type="button" className="act-btn" onClick={() => setFilters(EMPTY_FILTERS)}>
                    {t('filters.reset')}
                  </button>
                </>
              ) : (
                <>
                  <p>
                    <strong>{t('view.empty')}</strong>
                  </p>
                  <p>
                    {t('view.emptyHelpBefore')} <code>{t('view.emptyCommand')}</code>
                    {t('view.emptyHelpAfter')}
                  </p>
                </>
              )}
            </div>
          )}
        </div>
        {details && (
          <RunDetailsPanel
            key={details.id}
            run={details}
            knownTags={knownTags}
            onClose={() => updateRunsView({ detailsId: null })}
            onOpen={onOpenRun ? () => onOpenRun(details.id) : undefined}
            onCompare={() => {
              // Adds the run to the ticked ones rather than replacing them: the selection is one state.
              addSelected({ id: details.id, name: details.name });
              onCompare();
            }}
            onChanged={list.refresh}
          />
        )}
      </div>
      <Pager
        offset={view.offset}
        limit={view.limit}
        total={list.total}
        onChange={(offset, limit) => updateRunsView({ offset, limit })}
      />
    </section>
  );
}

/** Reads a bundle file the user picks and hands it to the lab; the table refreshes with the imported runs. */
function ImportBundleButton({ onImported }: { onImported: () => void }) {
  const t = useT('runs');
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const onFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    setMessage({ text: t('view.importing', { file: file.name }), error: false });
    try {
      const { imported } = await getLab().importBundle({ bytes });
      setMessage({
        text: t('view.imported', { count: imported.length, file: file.name }),
        error: false,
      });
      onImported();
    } catch (e) {
      setMessage({ text: t('view.importFailed', { file: file.name, error: errorText(e) }), error: true });
    }
  };
  return (
    <>
      <span role="status" className={message?.error ? 'form-error' : 'muted'}>
        {message?.text}
      </span>
      <button type="button" className="act-btn act-small import-button" onClick={() => input.current?.click()}>
        {t('view.importBundle')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".gz,.json.gz,application/gzip"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void onFile(f);
        }}
      />
    </>
  );
}

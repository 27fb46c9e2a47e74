/** Side panel for one run: facts, rename, tags, note, CSV of its series, delete (after a confirmation). */
import { useEffect, useState, type ReactNode } from 'react';
import type { RunSummary } from '../../../core/api/records';
import { getLab } from '../api/lab';
import { saveFile } from '../ui/download';
import { ConfirmDialog } from './ConfirmDialog';
import { formatDate } from './format';
import { formatDuration, formatMetric } from '../../../core/shared/format';
import { StatusChip } from './StatusChip';
import { TagEditor } from './TagEditor';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';
import { useLang } from '../i18n/useLang';
import { ACTIVATION_NAMES, CELL_NAMES, CLIP_NAMES, INIT_NAMES, TASK_NAMES, nameOf } from '../builder/names';

export interface RunDetailsPanelProps {
  run: RunSummary;
  knownTags: readonly string[];
  onClose: () => void;
  onOpen: (() => void) | undefined;
  onCompare: () => void;
  /** After rename/tag/note/delete, so the table shows the change before the event round-trip. */
  onChanged: () => void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function RunDetailsPanel({ run, knownTags, onClose, onOpen, onCompare, onChanged }: RunDetailsPanelProps) {
  const t = useT('runs');
  const lang = useLang();
  const errorText = useErrorText();
  const [name, setName] = useState(run.name);
  const [note, setNote] = useState(run.note);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  // Another window (or the CLI) may rename or annotate the run: follow it unless the user is editing.
  useEffect(() => setName(run.name), [run.name]);
  useEffect(() => setNote(run.note), [run.note]);

  const act = async (what: string, fn: () => Promise<unknown>) => {
    setError(null);
    setSaved(null);
    try {
      await fn();
      setSaved(what);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const lab = getLab();
  const f = run.final;

  return (
    <aside className="run-details" role="complementary" aria-label={t('table.detailsOf', { name: run.name })}>
      <header>
        <h2>{run.name}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="details-actions">
        {onOpen && (
          <button type="button" className="act-btn act-small" onClick={onOpen}>
            {t('details.open')}
          </button>
        )}
        <button type="button" className="act-btn act-small" onClick={onCompare}>
          {t('details.compare')}
        </button>
        <button
          type="button"
          className="act-btn act-small"
          onClick={() =>
            void act(t('details.csvExported'), async () => saveFile(await lab.exportSeriesCsv({ runId: run.id })))
          }
        >
          {t('details.seriesCsv')}
        </button>
      </div>

      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(t('details.renamed'), () => lab.renameRun({ runId: run.id, name }));
        }}
      >
        <label htmlFor="run-name-input">{t('details.name')}</label>
        <input id="run-name-input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="act-btn act-small" disabled={!name.trim() || name.trim() === run.name}>
          {t('details.rename')}
        </button>
      </form>

      <dl className="facts">
        <Fact label={t('details.status')}>
          <StatusChip status={run.status} progress={{ done: run.stepsDone, total: run.stepsTotal }} />
        </Fact>
        {run.divergence && (
          <Fact label={t('details.diverged')}>
            {t('details.divergedAt', { step: run.divergence.step, tensor: run.divergence.tensor })}
          </Fact>
        )}
        {run.error && <Fact label={t('details.error')}>{run.error}</Fact>}
        <Fact label={t('details.id')}>
          <code>{run.id}</code>
        </Fact>
        <Fact label={t('details.specHash')}>
          <code title={run.specHash}>{run.specHash.slice(0, 12)}</code>
        </Fact>
        <Fact label={t('details.seed')}>{run.seed}</Fact>
        <Fact label={t('details.model')}>
          {t('details.modelValue', {
            cell: nameOf(CELL_NAMES, run.cell),
            activation: nameOf(ACTIVATION_NAMES, run.activation),
            init: nameOf(INIT_NAMES, run.init),
            clip: nameOf(CLIP_NAMES, run.clip),
          })}
        </Fact>
        <Fact label={t('details.task')}>{nameOf(TASK_NAMES, run.task)}</Fact>
        <Fact label={t('details.steps')}>
          <span className="mono">{`${run.stepsDone} / ${run.stepsTotal}`}</span>
        </Fact>
        <Fact label={t('details.finalLoss')}>
          <span className="mono">{formatMetric(f.loss)}</span>
          {f.heldoutLoss !== undefined && (
            <span className="muted mono">{t('details.heldout', { loss: formatMetric(f.heldoutLoss) })}</span>
          )}
        </Fact>
        {f.accuracy !== undefined && (
          <Fact label={t('details.accuracy')}>
            <span className="mono">{formatMetric(f.accuracy)}</span>
          </Fact>
        )}
        <Fact label={t('details.horizon')}>
          <span className="mono">{formatMetric(f.horizon)}</span>
        </Fact>
        <Fact label={t('details.wallTime')}>{formatDuration(f.wallMs, lang)}</Fact>
        <Fact label={t('details.engine')}>{run.backend ? `${run.backend} (${run.device ?? '?'})` : '—'}</Fact>
        <Fact label={t('details.created')}>{formatDate(run.createdAt, lang)}</Fact>
        <Fact label={t('details.ended')}>{formatDate(run.endedAt, lang)}</Fact>
      </dl>

      <h3>{t('details.tags')}</h3>
      <TagEditor
        tags={run.tags}
        knownTags={knownTags}
        onChange={(c) => act(t('details.tagsSaved'), () => lab.tagRun({ runId: run.id, ...c }))}
      />

      <h3>
        <label htmlFor="run-note-input">{t('details.note')}</label>
      </h3>
      <textarea
        id="run-note-input"
        rows={5}
        value={note}
        placeholder={t('details.notePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="inline-form">
        <button
          type="button"
          className="act-btn act-small"
          disabled={note === run.note}
          onClick={() => void act(t('details.noteSaved'), () => lab.noteRun({ runId: run.id, note }))}
        >
          {t('details.saveNote')}
        </button>
      </div>

      <p className="details-status" role="status">
        {saved}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}

      <div className="danger-zone">
        <button type="button" className="act-btn act-small act-danger" onClick={() => setConfirmDelete(true)}>
          {t('details.delete')}
        </button>
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title={t('details.deleteTitle', { name: run.name })}
          confirmLabel={t('details.deleteConfirm')}
          busyLabel={t('confirm.deleting')}
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await lab.deleteRun({ runId: run.id });
            onClose();
            onChanged();
          }}
        >
          <p>{run.status === 'running' ? t('details.deleteBodyRunning') : t('details.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </aside>
  );
}

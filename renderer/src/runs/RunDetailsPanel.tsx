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
import { errorMessage } from '../../../core/shared/errors';

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
      setError(errorMessage(e));
    }
  };
  const lab = getLab();
  const f = run.final;

  return (
    <aside className="run-details" role="complementary" aria-label={`Details of ${run.name}`}>
      <header>
        <h2>{run.name}</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="details-actions">
        {onOpen && (
          <button type="button" className="act-btn act-small" onClick={onOpen}>
            Open run
          </button>
        )}
        <button type="button" className="act-btn act-small" onClick={onCompare}>
          Compare this run
        </button>
        <button
          type="button"
          className="act-btn act-small"
          onClick={() => void act('CSV exported', async () => saveFile(await lab.exportSeriesCsv({ runId: run.id })))}
        >
          Series CSV
        </button>
      </div>

      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act('Renamed', () => lab.renameRun({ runId: run.id, name }));
        }}
      >
        <label htmlFor="run-name-input">Name</label>
        <input id="run-name-input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="act-btn act-small" disabled={!name.trim() || name.trim() === run.name}>
          Rename
        </button>
      </form>

      <dl className="facts">
        <Fact label="Status">
          <StatusChip status={run.status} progress={{ done: run.stepsDone, total: run.stepsTotal }} />
        </Fact>
        {run.divergence && (
          <Fact label="Diverged">{`step ${run.divergence.step}, ${run.divergence.tensor} non-finite`}</Fact>
        )}
        {run.error && <Fact label="Error">{run.error}</Fact>}
        <Fact label="Id">
          <code>{run.id}</code>
        </Fact>
        <Fact label="Spec hash">
          <code title={run.specHash}>{run.specHash.slice(0, 12)}</code>
        </Fact>
        <Fact label="Seed">{run.seed}</Fact>
        <Fact label="Model">{`${run.cell} · ${run.activation} · ${run.init} · clip ${run.clip}`}</Fact>
        <Fact label="Task">{run.task}</Fact>
        <Fact label="Steps">
          <span className="mono">{`${run.stepsDone} / ${run.stepsTotal}`}</span>
        </Fact>
        <Fact label="Final loss">
          <span className="mono">{formatMetric(f.loss)}</span>
          {f.heldoutLoss !== undefined && (
            <span className="muted mono">{` (held-out ${formatMetric(f.heldoutLoss)})`}</span>
          )}
        </Fact>
        {f.accuracy !== undefined && (
          <Fact label="Accuracy">
            <span className="mono">{formatMetric(f.accuracy)}</span>
          </Fact>
        )}
        <Fact label="Horizon">
          <span className="mono">{formatMetric(f.horizon)}</span>
        </Fact>
        <Fact label="Wall time">{formatDuration(f.wallMs)}</Fact>
        <Fact label="Engine">{run.backend ? `${run.backend} (${run.device ?? '?'})` : '—'}</Fact>
        <Fact label="Created">{formatDate(run.createdAt)}</Fact>
        <Fact label="Ended">{formatDate(run.endedAt)}</Fact>
      </dl>

      <h3>Tags</h3>
      <TagEditor
        tags={run.tags}
        knownTags={knownTags}
        onChange={(c) => act('Tags saved', () => lab.tagRun({ runId: run.id, ...c }))}
      />

      <h3>
        <label htmlFor="run-note-input">Note</label>
      </h3>
      <textarea
        id="run-note-input"
        rows={5}
        value={note}
        placeholder="What was this run for? What did you see?"
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="inline-form">
        <button
          type="button"
          className="act-btn act-small"
          disabled={note === run.note}
          onClick={() => void act('Note saved', () => lab.noteRun({ runId: run.id, note }))}
        >
          Save note
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
          Delete run…
        </button>
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete “${run.name}”?`}
          confirmLabel="Delete run"
          busyLabel="Deleting…"
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await lab.deleteRun({ runId: run.id });
            onClose();
            onChanged();
          }}
        >
          <p>
            The run, its metrics, gradient profiles and checkpoints are removed from the history.
            {run.status === 'running' && ' It is still training: it will be stopped first.'} This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </aside>
  );
}

/** What can be done with the ticked runs: compare them, bundle them, delete them, or untick them. */
import { useState } from 'react';
import { getLab } from '../api/lab';
import { saveFile } from '../ui/download';
import { ConfirmDialog } from './ConfirmDialog';
import { errorMessage } from '../../../core/shared/errors';
import { ExportTensorBoardButton } from './TensorBoardDialogs';

export interface SelectionBarProps {
  selected: readonly { id: string; name: string }[];
  onCompare: () => void;
  onClear: () => void;
  onDeleted: (ids: string[]) => void;
}

export function SelectionBar({ selected, onCompare, onClear, onDeleted }: SelectionBarProps) {
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = selected.length;
  const names = selected.map((r) => r.name);

  const exportBundle = async () => {
    setError(null);
    try {
      saveFile(await getLab().exportBundle({ runIds: selected.map((r) => r.id) }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="selection-bar" role="group" aria-label="Selected runs">
      <span className="selection-count" aria-live="polite" title={names.join('\n')}>
        {n === 0 ? 'Tick runs to compare them' : `${n} selected`}
      </span>
      <button type="button" className="act-btn act-primary" disabled={n === 0} onClick={onCompare}>
        Compare
      </button>
      <button
        type="button"
        className="act-btn"
        disabled={n === 0}
        onClick={() => void exportBundle()}
        title="A .json.gz bundle another lab can import"
      >
        Export bundle
      </button>
      <ExportTensorBoardButton runIds={selected.map((r) => r.id)} />
      <button type="button" className="act-btn" disabled={n === 0} onClick={() => setConfirm(true)}>
        Delete selected…
      </button>
      <button type="button" className="act-btn" disabled={n === 0} onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
      {confirm && (
        <ConfirmDialog
          title={`Delete ${n} ${n === 1 ? 'run' : 'runs'}?`}
          confirmLabel={`Delete ${n} ${n === 1 ? 'run' : 'runs'}`}
          busyLabel="Deleting…"
          onClose={() => setConfirm(false)}
          onConfirm={async () => {
            const done: string[] = [];
            try {
              for (const r of selected) {
                await getLab().deleteRun({ runId: r.id });
                done.push(r.id);
              }
            } finally {
              onDeleted(done);
            }
          }}
        >
          <p>Their metrics, gradient profiles and checkpoints are removed from the history. This cannot be undone.</p>
          <ul className="confirm-list">
            {names.slice(0, 12).map((name, i) => (
              <li key={i}>{name}</li>
            ))}
            {n > 12 && <li className="muted">…and {n - 12} more</li>}
          </ul>
        </ConfirmDialog>
      )}
    </div>
  );
}

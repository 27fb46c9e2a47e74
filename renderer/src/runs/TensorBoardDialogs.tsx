/**
 * TensorBoard in and out from the Runs view. Both act on a directory of the lab host's disk (the window and
 * browser mode alike: the host reads and writes it), so the directory is typed, not picked from the page.
 */
import { useState, type ReactNode } from 'react';
import { getLab } from '../api/lab';
import { Dialog } from '../ui/Dialog';
import { errorMessage } from '../../../core/shared/errors';

function DirectoryDialog({
  title,
  label,
  action,
  busyLabel,
  children,
  run,
  onClose,
}: {
  title: string;
  label: string;
  action: string;
  busyLabel: string;
  children?: ReactNode;
  run: (directory: string) => Promise<string>;
  onClose: () => void;
}) {
  const [directory, setDirectory] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const go = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult({ text: await run(directory.trim()), error: false });
    } catch (e) {
      setResult({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose} className="tensorboard-dialog">
      <form
        className="tensorboard-form"
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <label className="field">
          <span>{label}</span>
          <input
            type="text"
            value={directory}
            onChange={(e) => setDirectory(e.target.value)}
            placeholder="/home/me/logs"
            autoFocus
            spellCheck={false}
          />
        </label>
        {children}
        {result && (
          <p role={result.error ? 'alert' : 'status'} className={result.error ? 'form-error' : 'muted'}>
            {result.text}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="act-btn" onClick={onClose}>
            Done
          </button>
          <button type="submit" className="act-btn act-primary" disabled={busy || directory.trim() === ''}>
            {busy ? busyLabel : action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ImportTensorBoardButton({ onImported }: { onImported: () => void }) {
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState('');
  const [tags, setTags] = useState('');
  return (
    <>
      <button type="button" className="act-btn act-small import-button" onClick={() => setOpen(true)}>
        Import TensorBoard logs…
      </button>
      {open && (
        <DirectoryDialog
          title="Import TensorBoard logs"
          label="Log directory on the lab host"
          action="Import"
          busyLabel="Importing…"
          onClose={() => setOpen(false)}
          run={async (directory) => {
            const tagList = tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean);
            const r = await getLab().importTensorBoard({
              directory,
              tags: tagList,
              ...(group.trim() ? { group: group.trim() } : {}),
            });
            onImported();
            const points = r.runs.reduce((n, x) => n + x.points, 0);
            const truncated = r.runs.flatMap((x) => x.truncated);
            return `Imported ${r.runs.length} ${r.runs.length === 1 ? 'run' : 'runs'} (${points} points).${truncated.length ? ` ${truncated.length} file(s) ended inside a record and were read up to their last whole record.` : ''}`;
          }}
        >
          <label className="field">
            <span>Seed pattern (optional)</span>
            <input
              type="text"
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              placeholder="seed=\d+"
              spellCheck={false}
            />
          </label>
          <label className="field">
            <span>Tags (optional, comma-separated; loss=train/loss renames)</span>
            <input
              type="text"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              placeholder="all scalar tags"
              spellCheck={false}
            />
          </label>
        </DirectoryDialog>
      )}
    </>
  );
}

export function ExportTensorBoardButton({ runIds }: { runIds: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const n = runIds.length;
  return (
    <>
      <button
        type="button"
        className="act-btn"
        disabled={n === 0}
        onClick={() => setOpen(true)}
        title="A TensorBoard log directory: scalars, HParams, gradient profiles"
      >
        Export for TensorBoard
      </button>
      {open && (
        <DirectoryDialog
          title={`Export ${n} ${n === 1 ? 'run' : 'runs'} for TensorBoard`}
          label="New log directory on the lab host"
          action="Export"
          busyLabel="Exporting…"
          onClose={() => setOpen(false)}
          run={async (directory) => {
            const r = await getLab().exportTensorBoard({ directory, runIds: [...runIds] });
            return `Wrote ${r.runs.length} ${r.runs.length === 1 ? 'run' : 'runs'} (${r.bytes} bytes) to ${r.directory}. View with: tensorboard --logdir ${r.directory}`;
          }}
        />
      )}
    </>
  );
}

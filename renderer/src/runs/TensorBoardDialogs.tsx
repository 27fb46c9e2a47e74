/**
 * TensorBoard in and out from the Runs view. Both act on a directory of the lab host's disk (the window and
 * browser mode alike: the host reads and writes it), so the directory is typed, not picked from the page.
 */
import { useState, type ReactNode } from 'react';
import { getLab } from '../api/lab';
import { Dialog } from '../ui/Dialog';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';

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
  const t = useT('runs');
  const errorText = useErrorText();
  const [directory, setDirectory] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const go = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult({ text: await run(directory.trim()), error: false });
    } catch (e) {
      setResult({ text: errorText(e), error: true });
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
            placeholder={t('tensorboard.dirPlaceholder')}
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
            {t('tensorboard.done')}
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
  const t = useT('runs');
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState('');
  const [tags, setTags] = useState('');
  return (
    <>
      <button type="button" className="act-btn act-small import-button" onClick={() => setOpen(true)}>
        {t('tensorboard.import')}
      </button>
      {open && (
        <DirectoryDialog
          title={t('tensorboard.importTitle')}
          label={t('tensorboard.importDir')}
          action={t('tensorboard.importAction')}
          busyLabel={t('tensorboard.importing')}
          onClose={() => setOpen(false)}
          run={async (directory) => {
            const tagList = tags
              .split(',')
              .map((tag) => tag.trim())
              .filter(Boolean);
            const r = await getLab().importTensorBoard({
              directory,
              tags: tagList,
              ...(group.trim() ? { group: group.trim() } : {}),
            });
            onImported();
            const points = r.runs.reduce((n, x) => n + x.points, 0);
            const truncated = r.runs.flatMap((x) => x.truncated);
            return (
              t('tensorboard.imported', { count: r.runs.length, points }) +
              (truncated.length ? t('tensorboard.truncated', { count: truncated.length }) : '')
            );
          }}
        >
          <label className="field">
            <span>{t('tensorboard.seedPattern')}</span>
            <input
              type="text"
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              placeholder={t('tensorboard.seedPlaceholder')}
              spellCheck={false}
            />
          </label>
          <label className="field">
            <span>{t('tensorboard.tags')}</span>
            <input
              type="text"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              placeholder={t('tensorboard.tagsPlaceholder')}
              spellCheck={false}
            />
          </label>
        </DirectoryDialog>
      )}
    </>
  );
}

export function ExportTensorBoardButton({ runIds }: { runIds: readonly string[] }) {
  const t = useT('runs');
  const [open, setOpen] = useState(false);
  const n = runIds.length;
  return (
    <>
      <button
        type="button"
        className="act-btn"
        disabled={n === 0}
        onClick={() => setOpen(true)}
        title={t('tensorboard.exportHint')}
      >
        {t('tensorboard.export')}
      </button>
      {open && (
        <DirectoryDialog
          title={t('tensorboard.exportTitle', { count: n })}
          label={t('tensorboard.exportDir')}
          action={t('tensorboard.exportAction')}
          busyLabel={t('tensorboard.exporting')}
          onClose={() => setOpen(false)}
          run={async (directory) => {
            const r = await getLab().exportTensorBoard({ directory, runIds: [...runIds] });
            return t('tensorboard.wrote', { count: r.runs.length, bytes: r.bytes, directory: r.directory });
          }}
        />
      )}
    </>
  );
}

/** What can be done with the ticked runs: compare them, bundle them, delete them, or untick them. */
import { useState } from 'react';
import { getLab } from '../api/lab';
import { saveFile } from '../ui/download';
import { ConfirmDialog } from './ConfirmDialog';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';
import { ExportTensorBoardButton } from './TensorBoardDialogs';

export interface SelectionBarProps {
  selected: readonly { id: string; name: string }[];
  onCompare: () => void;
  onClear: () => void;
  onDeleted: (ids: string[]) => void;
}

export function SelectionBar({ selected, onCompare, onClear, onDeleted }: SelectionBarProps) {
  const t = useT('runs');
  const common = useT('common');
  const errorText = useErrorText();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = selected.length;
  const names = selected.map((r) => r.name);

  const exportBundle = async () => {
    setError(null);
    try {
      saveFile(await getLab().exportBundle({ runIds: selected.map((r) => r.id) }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="selection-bar" role="group" aria-label={t('selection.label')}>
      <span className="selection-count" aria-live="polite" title={names.join('\n')}>
        {n === 0 ? t('selection.none') : t('selection.count', { runs: common('runCount', { count: n }) })}
      </span>
      <button type="button" className="act-btn act-primary" disabled={n === 0} onClick={onCompare}>
        {t('selection.compare')}
      </button>
      <button
        type="button"
        className="act-btn"
        disabled={n === 0}
        onClick={() => void exportBundle()}
        title={t('selection.exportBundleHint')}
      >
        {t('selection.exportBundle')}
      </button>
      <ExportTensorBoardButton runIds={selected.map((r) => r.id)} />
      <button type="button" className="act-btn" disabled={n === 0} onClick={() => setConfirm(true)}>
        {t('selection.delete')}
      </button>
      <button type="button" className="act-btn" disabled={n === 0} onClick={onClear}>
        {t('selection.clear')}
      </button>
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('selection.deleteTitle', { count: n })}
          confirmLabel={t('selection.deleteConfirm', { count: n })}
          busyLabel={t('confirm.deleting')}
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
          <p>{t('selection.deleteBody')}</p>
          <ul className="confirm-list">
            {names.slice(0, 12).map((name, i) => (
              <li key={i}>{name}</li>
            ))}
            {n > 12 && <li className="muted">{t('selection.more', { count: n - 12 })}</li>}
          </ul>
        </ConfirmDialog>
      )}
    </div>
  );
}

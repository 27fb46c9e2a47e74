/** Asks before something that cannot be undone; the safe choice has the focus, so Enter never destroys. */
import { useState, type ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Shown on the button while onConfirm runs. */
  busyLabel?: string;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, busyLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT('runs');
  const common = useT('common');
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      alert
      className="confirm-dialog"
      actions={
        <>
          <button type="button" className="act-btn" onClick={onClose} autoFocus>
            {common('cancel')}
          </button>
          <button type="button" className="act-btn act-danger" onClick={() => void confirm()} disabled={busy}>
            {busy ? (busyLabel ?? t('confirm.working')) : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/**
 * The app's one modal, on the native <dialog>: showModal() gives focus containment, Escape to close, an inert
 * background, focus returned to the opener and the dialog role for free, which a hand-made overlay gets
 * wrong in one of a dozen ways. Either always open while mounted, or driven by `open`.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Default true: mount the dialog to show it. */
  open?: boolean;
  /** Buttons (and a status line) at the bottom right. */
  actions?: ReactNode;
  wide?: boolean;
  /** Extra class on the <dialog>, e.g. for width. */
  className?: string;
  /** Role alertdialog for confirmations (screen readers announce them as interruptions). */
  alert?: boolean;
}

export function Dialog({ title, onClose, children, open = true, actions, wide, className, alert }: DialogProps) {
  const t = useT('common');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // jsdom and old engines lack showModal; fall back to a plain open dialog.
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    if (!open && d.open) d.close();
  }, [open]);
  const classes = ['dialog', wide ? 'dialog-wide' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      role={alert ? 'alertdialog' : undefined}
      onClose={onClose}
      onCancel={onClose}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
              ✕
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {actions && <footer className="dialog-actions">{actions}</footer>}
        </>
      )}
    </dialog>
  );
}

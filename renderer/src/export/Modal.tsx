/**
 * A modal on the native <dialog>: showModal() gives focus containment, Escape to close, an inert background
 * and the dialog role for free, which a hand-made overlay gets wrong in one of a dozen ways.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modal.css';

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class on the <dialog>, e.g. for width. */
  className?: string;
  /** Role alertdialog for confirmations (screen readers announce them as interruptions). */
  alert?: boolean;
}

export function Modal({ title, onClose, children, className, alert }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // jsdom and old engines lack showModal; fall back to a plain open dialog.
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    const handleClose = () => onCloseRef.current();
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={titleId} role={alert ? 'alertdialog' : undefined}>
      <header className="modal-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="modal-close" aria-label="Close" onClick={() => ref.current?.close()}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}

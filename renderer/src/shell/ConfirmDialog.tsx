import { useId, useRef, type ReactNode } from 'react';
import { Modal } from './Modal';
import './dialogs.css';

/** Props of a yes/no question. */
export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Styles the confirm button as destructive (delete forever, replace the library). */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question: Enter or the confirm button goes ahead, Esc or Cancel steps back. */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  return (
    <Modal className="overlay-card dialog-card" role="alertdialog" labelledBy={titleId} initialFocus={confirmRef} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button ref={confirmRef} type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

import { useId, useState } from 'react';
import { Modal } from '../shell/Modal';
import '../shell/dialogs.css';

/** Props of the name prompt. */
export interface NameDialogProps {
  title: string;
  label: string;
  initial?: string;
  confirmLabel: string;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

/** Asks for one name (a new collection, a renamed one). */
export function NameDialog({ title, label, initial = '', confirmLabel, onSubmit, onCancel }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const titleId = useId();
  const submit = () => name.trim() && onSubmit(name.trim());
  return (
    <Modal
      className="overlay-card dialog-card"
      labelledBy={titleId}
      initialFocus="input"
      onClose={onCancel}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <label className="dialog-body">
        <span className="visually-hidden">{label}</span>
        <input className="dialog-input" aria-label={label} value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!name.trim()}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

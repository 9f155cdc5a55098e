import { useId, useState } from 'react';
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
    <div className="overlay" role="presentation" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <form
        className="overlay-card dialog-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <label className="dialog-body">
          <span className="visually-hidden">{label}</span>
          <input className="dialog-input" aria-label={label} value={name} autoFocus onChange={(event) => setName(event.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!name.trim()}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

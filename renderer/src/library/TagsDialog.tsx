import { useId, useMemo, useState } from 'react';
import { parseTagInput } from './library-selection';
import { Modal } from '../shell/Modal';
import '../shell/dialogs.css';

/** Props of the tag editor. */
export interface TagsDialogProps {
  title: string;
  initial: readonly string[];
  /** Every tag in the library, offered as suggestions. */
  known: readonly string[];
  onSave: (tags: string[]) => void;
  onCancel: () => void;
}

/**
 * Edits one document's tags as comma-separated text. Suggestions are the library's tags that
 * start with the word being typed (or all unused ones before typing), so spellings stay consistent.
 */
export function TagsDialog({ title, initial, known, onSave, onCancel }: TagsDialogProps) {
  const [text, setText] = useState(initial.length ? `${initial.join(', ')}, ` : '');
  const titleId = useId();
  const suggestions = useMemo(() => {
    const cut = text.lastIndexOf(',') + 1;
    const typing = text.slice(cut).trim().toLocaleLowerCase();
    const chosen = new Set(parseTagInput(text.slice(0, cut)).map((tag) => tag.toLocaleLowerCase()));
    return known
      .filter((tag) => {
        const key = tag.toLocaleLowerCase();
        return !chosen.has(key) && key !== typing && key.startsWith(typing);
      })
      .slice(0, 12);
  }, [text, known]);

  const accept = (tag: string) => {
    const head = text.slice(0, text.lastIndexOf(',') + 1);
    setText(`${head}${head ? ' ' : ''}${tag}, `);
  };

  return (
    <Modal
      className="overlay-card dialog-card"
      labelledBy={titleId}
      initialFocus="input"
      onClose={onCancel}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(parseTagInput(text));
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">
        <input className="dialog-input" aria-label="Tags, separated by commas" value={text} placeholder="thesis, week 3, method" onChange={(event) => setText(event.target.value)} />
        <p className="dialog-hint">Separate tags with commas.</p>
        {suggestions.length ? (
          <div className="tag-suggestions" aria-label="Existing tags">
            {suggestions.map((tag) => (
              <button key={tag} type="button" className="tag-chip tag-chip-button" onClick={() => accept(tag)}>
                {tag}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Save tags
        </button>
      </div>
    </Modal>
  );
}

import { useMemo, useState } from 'react';
import type { CslDate, CslItem, CslName } from '../../../app/documents/model';
import { citekeyProblem } from '../../../app/citations/citekeys';
import { CSL_TYPES, fieldsForType, type CslField } from '../../../app/export/csl-fields';
import { Modal } from '../shell/Modal';
import { describeValue, namesOf, withField } from './field-values';

/** Props of the metadata editor. */
export interface MetadataEditorProps {
  /** What is edited, for the dialog's title: "this document" or "this reference". */
  subject: string;
  item: CslItem;
  /** What Lectern read from the file before any edit, shown beside fields that now differ. */
  original?: CslItem;
  /** The work's citation key, editable; undefined while it is read (the field waits). */
  citekey?: string;
  /**
   * Saves the item and, when the student changed it, the key; resolves a message to show when
   * the key cannot be taken (nothing is saved then), else null.
   */
  onSave: (item: CslItem, citekey: string | undefined) => Promise<string | null> | void;
  onClose: () => void;
}

function NamesField({ field, names, onChange }: { field: CslField; names: CslName[]; onChange: (names: CslName[]) => void }) {
  const update = (index: number, part: 'family' | 'given', value: string) =>
    onChange(names.map((name, i) => (i === index ? { ...name, [part]: value } : name)));
  return (
    <div className="names-field">
      {names.map((name, index) => (
        <div key={index} className="name-row">
          <input aria-label={`${field.label}: family name ${index + 1}`} placeholder="Family name" value={name.family ?? name.literal ?? ''} onChange={(event) => update(index, 'family', event.target.value)} />
          <input aria-label={`${field.label}: given name ${index + 1}`} placeholder="Given name" value={name.given ?? ''} onChange={(event) => update(index, 'given', event.target.value)} />
          <button type="button" className="icon-button" aria-label={`Remove ${field.label.toLowerCase()} ${index + 1}`} onClick={() => onChange(names.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...names, { family: '', given: '' }])}>
        Add {field.label.toLowerCase().replace(/s$/, '')}
      </button>
    </div>
  );
}

function DateField({ field, date, onChange }: { field: CslField; date: CslDate | undefined; onChange: (date: CslDate | undefined) => void }) {
  const parts = date?.['date-parts']?.[0] ?? [];
  const set = (index: number, value: string) => {
    const next = [parts[0], parts[1], parts[2]].map((part, i) => (i === index ? (value ? Number(value) : undefined) : part));
    const cut = next.findIndex((part) => part === undefined || !Number.isFinite(part));
    const kept = (cut < 0 ? next : next.slice(0, cut)) as number[];
    onChange(kept.length ? { 'date-parts': [kept] } : undefined);
  };
  return (
    <div className="date-field">
      {(['Year', 'Month', 'Day'] as const).map((label, index) => (
        <input key={label} aria-label={`${field.label}: ${label.toLowerCase()}`} placeholder={label} inputMode="numeric" value={parts[index] ?? ''} onChange={(event) => set(index, event.target.value.replace(/\D/g, ''))} />
      ))}
    </div>
  );
}

/** Edits a CSL item with the fields that fit its type; the parser's reading stays visible. */
export function MetadataEditor({ subject, item, original, citekey, onSave, onClose }: MetadataEditorProps) {
  const [draft, setDraft] = useState<CslItem>(item);
  const fields = useMemo(() => fieldsForType(draft.type), [draft.type]);
  // The student's key while typing; null until they type, so the stored key shows once read.
  const [keyDraft, setKeyDraft] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const shownKey = keyDraft ?? citekey ?? '';
  const keyProblem = keyDraft !== null && keyDraft.trim() !== citekey ? citekeyProblem(keyDraft.trim()) : null;
  const keyMessage = keyProblem ?? keyError;

  return (
    <Modal
      className="overlay-card metadata-editor"
      label={`Edit the details of ${subject}`}
      initialFocus="select, input"
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        if (keyProblem) return;
        const changedKey = keyDraft !== null && keyDraft.trim() !== citekey ? keyDraft.trim() : undefined;
        void Promise.resolve(onSave(draft, changedKey)).then((error) => setKeyError(error ?? null));
      }}
    >
      <h2>Details of {subject}</h2>
      <label className="meta-row">
        <span className="meta-label">Type</span>
        <select value={draft.type} onChange={(event) => setDraft({ ...draft, type: event.target.value })}>
          {CSL_TYPES.map((type) => (
            <option key={type.type} value={type.type}>
              {type.label}
            </option>
          ))}
        </select>
      </label>
      {citekey !== undefined || keyDraft !== null ? (
        <div className="meta-row">
          <label className="meta-label" htmlFor="metadata-citekey">
            Citation key
          </label>
          <div className="meta-input">
            <input
              id="metadata-citekey"
              className="meta-citekey"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={keyMessage ? true : undefined}
              aria-describedby="metadata-citekey-note"
              value={shownKey}
              onChange={(event) => {
                setKeyDraft(event.target.value);
                setKeyError(null);
              }}
            />
            <span id="metadata-citekey-note" className={keyMessage ? 'meta-key-error' : 'meta-found'} role={keyMessage ? 'alert' : undefined}>
              {keyMessage ?? 'What you type after @ in pandoc or in \\cite{} in LaTeX. It stays the same in every export until you change it here.'}
            </span>
          </div>
        </div>
      ) : null}
      {fields.map((field) => {
        const key = String(field.key);
        const found = original ? describeValue(original, field) : '';
        const now = describeValue(draft, field);
        return (
          <div key={key} className="meta-row">
            <span className="meta-label">{field.label}</span>
            <div className="meta-input">
              {field.kind === 'names' ? (
                <NamesField field={field} names={namesOf(draft, key)} onChange={(names) => setDraft(withField(draft, key, names.length ? names : undefined))} />
              ) : field.kind === 'date' ? (
                <DateField field={field} date={draft[key] as CslDate | undefined} onChange={(date) => setDraft(withField(draft, key, date))} />
              ) : (
                <input aria-label={field.label} value={typeof draft[key] === 'string' || typeof draft[key] === 'number' ? String(draft[key]) : ''} onChange={(event) => setDraft(withField(draft, key, event.target.value || undefined))} />
              )}
              {original && found !== now ? <span className="meta-found">Found in the file: {found || '(nothing)'}</span> : null}
            </div>
          </div>
        );
      })}
      <div className="export-actions">
        {original ? (
          <button type="button" className="button button-quiet" onClick={() => setDraft({ ...original, id: draft.id })}>
            Back to what was found
          </button>
        ) : null}
        <span className="export-file" />
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Save
        </button>
      </div>
    </Modal>
  );
}

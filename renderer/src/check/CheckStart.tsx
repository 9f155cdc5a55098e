import { useId, useState } from 'react';

/** Props of the Check view's empty state. */
export interface CheckStartProps {
  onOpenDraft: () => void;
  onPaste: (text: string) => void;
  /** True while a check runs: the ways in wait. */
  busy: boolean;
}

/** What the quote check does, and the two ways in: a draft file, or a pasted passage. */
export function CheckStart({ onOpenDraft, onPaste, busy }: CheckStartProps) {
  const [text, setText] = useState('');
  const pasteId = useId();
  return (
    <section className="check-start" aria-labelledby={`${pasteId}-title`}>
      <h2 id={`${pasteId}-title`} className="check-start-title">
        Check a draft’s quotations and citations against your library
      </h2>
      <p className="check-start-lead">
        Lectern finds every quotation in your draft, looks it up in your sources and tells you whether it is verbatim, differs or is not there. It compares
        the citation beside each quotation with the source’s page or paragraph, and checks your in-text citations against your own reference list.
      </p>
      <div className="check-ways">
        <div className="check-way">
          <h3 className="check-way-title">A draft file</h3>
          <p className="muted">A .txt, .md or .docx file. You can also drop it here.</p>
          <button type="button" className="button button-primary" onClick={onOpenDraft} disabled={busy}>
            Open draft…
          </button>
        </div>
        <form
          className="check-way"
          onSubmit={(event) => {
            event.preventDefault();
            onPaste(text);
          }}
        >
          <h3 className="check-way-title">
            <label htmlFor={pasteId}>Paste a passage</label>
          </h3>
          <textarea
            id={pasteId}
            className="check-paste"
            rows={7}
            value={text}
            placeholder={'As Ezerova writes, “the words you quote” (Ezerova 2018, para. 3).'}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
            Check
          </button>
        </form>
      </div>
    </section>
  );
}

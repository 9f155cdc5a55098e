import { useId, useState } from 'react';
import { SYNC_FORMATS, SYNC_FORMAT_LABELS, syncFileName, type SyncFormat } from '../../../app/writing/sync-format';
import { useServices } from '../services/context';
import { Modal } from '../shell/Modal';
import { useBibliographySync } from './use-bibliography-sync';
import './writing.css';

/** The file name of a path, whichever separator the system uses. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * "Bibliography file…": the student picks a format and a file; on the desktop Lectern keeps
 * that file up to date with every work of the library under stable keys, for pandoc, LaTeX and
 * Obsidian to read. In a browser the same file is downloaded on request.
 */
export function BibliographyDialog({ onClose }: { onClose: () => void }) {
  const { platform, notices } = useServices();
  const { sync, status } = useBibliographySync();
  const automatic = platform.bibliography.automatic;
  const [format, setFormat] = useState<SyncFormat>(status.choice?.format ?? 'biblatex');
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const statusId = useId();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const choose = () =>
    run(async () => {
      const result = await sync.choose(format);
      if (!result.ok) notices.error(result.error);
    });

  const download = () =>
    run(async () => {
      if (status.choice?.format !== format) {
        const chosen = await sync.choose(format);
        if (!chosen.ok) return notices.error(chosen.error);
      }
      const written = await sync.writeNow();
      if (written.ok) notices.info(`Downloaded ${syncFileName(format)}: ${written.value.works ?? 0} works.`);
    });

  const writeNow = () =>
    run(async () => {
      const written = await sync.writeNow();
      if (written.ok) notices.info(`Wrote ${status.choice ? baseName(status.choice.path) : 'the bibliography'}: ${written.value.works ?? 0} works.`);
    });

  const kept = automatic && status.choice;
  const formatChanged = Boolean(kept && status.choice && status.choice.format !== format);

  return (
    <Modal className="overlay-card dialog-card bibliography-dialog" labelledBy={titleId} initialFocus="input:checked" onClose={onClose}>
      <h2 id={titleId}>Bibliography file</h2>
      <div className="dialog-body">
        <p>
          {automatic
            ? 'Lectern keeps one file with every work in your library, sources, the works they cite and your imported bibliographies, each under a key that does not change. Point pandoc, LaTeX or Obsidian at it; Lectern rewrites it whenever the library changes.'
            : 'One file with every work in your library, sources, the works they cite and your imported bibliographies, each under a key that does not change. Point pandoc, LaTeX or Obsidian at it; in the browser, download it again after the library changes.'}
        </p>
      </div>
      <fieldset className="bibliography-formats">
        <legend>Format</legend>
        {SYNC_FORMATS.map((option) => (
          <label key={option} className="export-choice">
            <input type="radio" name="bibliography-format" value={option} checked={format === option} onChange={() => setFormat(option)} />
            {SYNC_FORMAT_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <p className="bibliography-status" id={statusId} role="status">
        {kept && status.choice ? (
          <>
            Kept in sync: <strong>{baseName(status.choice.path)}</strong>
            {status.works !== undefined ? `, ${status.works} ${status.works === 1 ? 'work' : 'works'}` : ''}
            {status.checkedAt !== undefined ? `, last written ${time(status.checkedAt)}` : ''}
            <span className="bibliography-path">{status.choice.path}</span>
          </>
        ) : automatic ? (
          'No file is kept yet.'
        ) : status.checkedAt !== undefined ? (
          `Last downloaded ${time(status.checkedAt)}: ${status.works ?? 0} works.`
        ) : (
          `The file downloads as ${syncFileName(format)}.`
        )}
      </p>
      {status.error ? <p className="dialog-error">{status.error}</p> : null}
      {formatChanged ? <p className="dialog-hint">A new format needs a new file: choose it with “Change file…”.</p> : null}
      <div className="dialog-actions">
        {kept ? (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void run(() => sync.forget())}>
            Stop keeping
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        {automatic && kept && !formatChanged ? (
          <button type="button" className="button" disabled={busy} onClick={() => void writeNow()}>
            Write now
          </button>
        ) : null}
        {automatic ? (
          <button type="button" className="button button-primary" disabled={busy} aria-describedby={statusId} onClick={() => void choose()}>
            {kept ? 'Change file…' : 'Choose file…'}
          </button>
        ) : (
          <button type="button" className="button button-primary" disabled={busy} aria-describedby={statusId} onClick={() => void download()}>
            Download bibliography
          </button>
        )}
      </div>
    </Modal>
  );
}

/** The Library's "Bibliography file…" button with its dialog. */
export function BibliographyFileButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small button-quiet" onClick={() => setOpen(true)} title="Keep a .bib or CSL-JSON file of the library for pandoc, LaTeX and Obsidian">
        Bibliography file…
      </button>
      {open ? <BibliographyDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

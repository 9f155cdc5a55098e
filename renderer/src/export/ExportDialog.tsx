import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { foldForFileName } from '../../../app/text/fold';
import { useCitationStyle } from '../citations/citation-style';
import { useServices } from '../services/context';
import { Modal } from '../shell/Modal';
import { BibliographyFileButton } from '../writing/BibliographyDialog';
import { BIBLIOGRAPHY_FORMATS, HIGHLIGHT_FORMATS, type ExportScope } from './export-formats';

/** Props of the export dialog. */
export interface ExportDialogProps {
  documents: DocumentSummary[];
  /** Documents preselected (those open in panes), or all when none are open. */
  initialDocIds: string[];
  /** What to export when the dialog opens. */
  initialScope?: ExportScope;
  onClose: () => void;
}

const scopes: { id: ExportScope; label: string }[] = [
  { id: 'documents', label: 'The documents themselves' },
  { id: 'works-cited', label: 'The works they cite' },
  { id: 'cited-works', label: 'Every cited work in the library' },
  { id: 'highlights', label: 'Their highlights and notes' },
];

function slug(text: string): string {
  return foldForFileName(text).slice(0, 40) || 'lectern';
}

/** Choose what and how to export, see a preview, then save it or copy it. */
export function ExportDialog({ documents, initialDocIds, initialScope, onClose }: ExportDialogProps) {
  const { database, platform, notices } = useServices();
  const notify = notices.info;
  const style = useCitationStyle();
  const [scope, setScope] = useState<ExportScope>(initialScope ?? 'documents');
  const [format, setFormat] = useState<string>('bibtex');
  const [docIds, setDocIds] = useState<string[]>(initialDocIds.length ? initialDocIds : documents.map((doc) => doc.id));
  const [preview, setPreview] = useState<{ ok: true; value: string } | { ok: false; error: string } | null>(null);

  const formats = scope === 'highlights' ? HIGHLIGHT_FORMATS : BIBLIOGRAPHY_FORMATS;
  const chosenFormat = formats.find((candidate) => candidate.id === format) ?? formats[0];

  // The first chosen document is in view when the dialog opens, however long the list.
  const documentList = useRef<HTMLDivElement>(null);
  useEffect(() => {
    documentList.current?.querySelector('input:checked')?.closest('label')?.scrollIntoView({ block: 'nearest' });
  }, []);
  useEffect(() => {
    if (!formats.some((candidate) => candidate.id === format)) setFormat(formats[0].id);
  }, [formats, format]);

  useEffect(() => {
    let live = true;
    setPreview(null);
    void import('./build-export')
      .then(({ buildExport }) => buildExport(database, scope, chosenFormat.id, docIds, documents, style))
      .then((result) => live && setPreview(result))
      .catch(() => live && setPreview({ ok: false, error: 'Lectern could not build this export.' }));
    return () => {
      live = false;
    };
  }, [database, scope, chosenFormat.id, docIds, documents, style]);

  const fileName = useMemo(() => {
    const base = scope === 'cited-works' ? 'cited-works' : docIds.length === 1 ? slug(documents.find((doc) => doc.id === docIds[0])?.title ?? '') : 'lectern-export';
    const suffix = scope === 'works-cited' ? '-works-cited' : scope === 'highlights' ? '-highlights' : '';
    return `${base}${suffix}.${chosenFormat.extension}`;
  }, [scope, docIds, documents, chosenFormat]);

  const save = async () => {
    if (!preview?.ok) return;
    const result = await platform.saveFile(fileName, preview.value);
    if (!result.ok) notify(result.error);
    else {
      notify(result.value ? `Saved ${result.value.path}` : `Downloaded ${fileName}`);
      onClose();
    }
  };
  const copy = async () => {
    if (!preview?.ok) return;
    try {
      await navigator.clipboard.writeText(preview.value);
      notify('Copied to the clipboard.');
    } catch {
      notify('Lectern could not write to the clipboard; select the preview and copy it.');
    }
  };
  const toggle = (id: string) => setDocIds((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  return (
    <Modal className="overlay-card export-dialog" label="Export" initialFocus="input, select, button" onClose={onClose}>
      <h2>Export</h2>
      <div className="export-columns">
        <fieldset className="export-field">
          <legend>What</legend>
          {scopes.map((option) => (
            <label key={option.id} className="export-choice">
              <input type="radio" name="export-scope" checked={scope === option.id} onChange={() => setScope(option.id)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="export-field">
          <legend>Format</legend>
          <select aria-label="Format" value={chosenFormat.id} onChange={(event) => setFormat(event.target.value)}>
            {formats.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </fieldset>
      </div>
      {scope !== 'cited-works' ? (
        <fieldset className="export-field export-documents">
          <legend>Documents</legend>
          {/* The list scrolls inside the box, so the legend stays put above it. */}
          <div className="export-document-list" ref={documentList}>
            {documents.map((doc) => (
              <label key={doc.id} className="export-choice">
                <input type="checkbox" checked={docIds.includes(doc.id)} onChange={() => toggle(doc.id)} />
                {doc.title}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <pre className="export-preview" aria-label="Preview" aria-busy={preview === null}>
        {preview === null ? 'Preparing…' : preview.ok ? preview.value : preview.error}
      </pre>
      <div className="export-actions">
        <span className="export-file">{fileName}</span>
        <BibliographyFileButton />
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" disabled={!preview?.ok} onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button button-primary" disabled={!preview?.ok} onClick={() => void save()}>
          {platform.kind === 'web' ? 'Download' : 'Save…'}
        </button>
      </div>
    </Modal>
  );
}

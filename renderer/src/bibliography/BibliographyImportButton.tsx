import './bibliography.css';
import { useBibliographyImport } from './use-bibliography-import';

/**
 * The Library's "Import bibliography…": a BibTeX, BibLaTeX, RIS or CSL-JSON file from Zotero,
 * JabRef or Mendeley becomes works in the Index's Cited Works, merged with the works the
 * sources cite. While a file is read, its progress shows in place of the button.
 */
export function BibliographyImportButton() {
  const { running, pickAndImport } = useBibliographyImport();
  if (running) {
    const { fileName, progress } = running;
    return (
      <div className="bibliography-import-status" role="status">
        <span>
          Reading {fileName}
          {progress ? `: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} entries` : '…'}
        </span>
        <progress max={progress?.total ?? 1} value={progress?.done} aria-label={`Importing ${fileName}`} />
      </div>
    );
  }
  return (
    <button
      type="button"
      className="button button-small button-quiet"
      onClick={() => void pickAndImport()}
      title="Add the works of a BibTeX, BibLaTeX, RIS or CSL-JSON file (Zotero, JabRef, Mendeley) to the Index"
    >
      Import bibliography…
    </button>
  );
}

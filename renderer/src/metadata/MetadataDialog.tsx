import type { CslItem } from '../../../app/documents/model';
import { citekeyOwner, setCitekey } from '../../../app/store/citekeys-repo';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { updateDocumentMetadata, updateReferenceItem } from '../../../app/store/metadata-repo';
import type { StoredReference } from '../../../app/store/records';
import { useDatabase } from '../store/hooks';
import { MetadataEditor } from './MetadataEditor';
import { useCitekey } from './use-citekey';

/** Props of the dialog that edits a document's own details or one of its references. */
export interface MetadataDialogProps {
  editing: { kind: 'document' } | { kind: 'reference'; id: string };
  summary: DocumentSummary;
  references: readonly StoredReference[];
  onClose: () => void;
  onSaved: (what: string) => void;
}

/** Opens the metadata editor on the right item and saves through the store. */
export function MetadataDialog({ editing, summary, references, onClose, onSaved }: MetadataDialogProps) {
  const database = useDatabase();
  const reference = editing.kind === 'reference' ? references.find((candidate) => candidate.id === editing.id) : undefined;
  const owner = editing.kind === 'document' ? citekeyOwner.doc(summary.id) : citekeyOwner.ref(editing.id);
  const citekey = useCitekey(owner, reference?.csl ?? summary.metadata);
  // The key first: a key another work holds refuses the save, so nothing half-saves.
  const save = async (write: () => Promise<unknown>, what: string, key: string | undefined): Promise<string | null> => {
    if (key !== undefined && citekey) {
      const result = await setCitekey(database, citekey.owners, key);
      if (!result.ok) return result.error;
    }
    await write();
    onSaved(what);
    onClose();
    return null;
  };
  if (editing.kind === 'document') {
    return (
      <MetadataEditor
        subject="this document"
        item={summary.metadata}
        original={summary.parsedMetadata ?? summary.metadata}
        citekey={citekey?.key}
        onClose={onClose}
        onSave={(item: CslItem, key) => save(() => updateDocumentMetadata(database, summary.id, item), 'this document', key)}
      />
    );
  }
  if (!reference) return null;
  return (
    <MetadataEditor
      subject={`the cited work ${reference.csl.id}`}
      item={reference.csl}
      original={reference.parsedCsl ?? reference.csl}
      citekey={citekey?.key}
      onClose={onClose}
      onSave={(item: CslItem, key) => save(() => updateReferenceItem(database, reference.id, item), reference.csl.id, key)}
    />
  );
}

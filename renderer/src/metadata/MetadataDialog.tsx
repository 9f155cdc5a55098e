import type { DocumentSummary } from '../../../app/store/documents-repo';
import { updateDocumentMetadata, updateReferenceItem } from '../../../app/store/metadata-repo';
import type { StoredReference } from '../../../app/store/records';
import { useDatabase } from '../store/hooks';
import { MetadataEditor } from './MetadataEditor';

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
  if (editing.kind === 'document') {
    return (
      <MetadataEditor
        subject="this document"
        item={summary.metadata}
        original={summary.parsedMetadata ?? summary.metadata}
        onClose={onClose}
        onSave={(item) =>
          void updateDocumentMetadata(database, summary.id, item).then(() => {
            onSaved('this document');
            onClose();
          })
        }
      />
    );
  }
  const reference = references.find((candidate) => candidate.id === editing.id);
  if (!reference) return null;
  return (
    <MetadataEditor
      subject={`the cited work ${reference.csl.id}`}
      item={reference.csl}
      original={reference.parsedCsl ?? reference.csl}
      onClose={onClose}
      onSave={(item) =>
        void updateReferenceItem(database, reference.id, item).then(() => {
          onSaved(reference.csl.id);
          onClose();
        })
      }
    />
  );
}

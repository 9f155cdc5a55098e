import { createCollection, renameCollection, type CollectionListItem } from '../../../app/store/collections-repo';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { setTags } from '../../../app/store/tags-repo';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { addDocumentTo, guarded, type LibraryWrites } from './library-actions';
import { NameDialog } from './NameDialog';
import { TagsDialog } from './TagsDialog';

/** The dialog the library has open: tags, a collection name, or a question. */
export type LibraryDialogState =
  | { kind: 'tags'; doc: DocumentSummary }
  | { kind: 'new-collection'; doc?: DocumentSummary }
  | { kind: 'rename'; collection: CollectionListItem }
  | { kind: 'confirm'; title: string; text: string; confirmLabel: string; danger?: boolean; run: () => void };

/** Props of the library's dialogs. */
export interface LibraryDialogProps {
  dialog: LibraryDialogState;
  /** Every tag in the library, for suggestions. */
  known: string[];
  feedback: LibraryWrites;
  onClose: () => void;
}

/** Shows the library's open dialog and runs its write when confirmed. */
export function LibraryDialog({ dialog, known, feedback, onClose }: LibraryDialogProps) {
  const done = (write: () => Promise<unknown>) => {
    onClose();
    void guarded(feedback, write);
  };
  switch (dialog.kind) {
    case 'tags':
      return (
        <TagsDialog
          title={`Tags of “${dialog.doc.title}”`}
          initial={dialog.doc.tags ?? []}
          known={known}
          onSave={(next) => done(() => setTags(feedback.database, dialog.doc.id, next))}
          onCancel={onClose}
        />
      );
    case 'new-collection':
      return (
        <NameDialog
          title={dialog.doc ? `New collection with “${dialog.doc.title}”` : 'New collection'}
          label="Collection name"
          confirmLabel="Create"
          onSubmit={(name) =>
            done(async () => {
              const created = await createCollection(feedback.database, name);
              if (dialog.doc) await addDocumentTo(created, dialog.doc, feedback);
            })
          }
          onCancel={onClose}
        />
      );
    case 'rename':
      return (
        <NameDialog
          title="Rename collection"
          label="Collection name"
          initial={dialog.collection.name}
          confirmLabel="Rename"
          onSubmit={(name) => done(() => renameCollection(feedback.database, dialog.collection.id, name))}
          onCancel={onClose}
        />
      );
    case 'confirm':
      return (
        <ConfirmDialog
          title={dialog.title}
          confirmLabel={dialog.confirmLabel}
          danger={dialog.danger}
          onConfirm={() => {
            onClose();
            dialog.run();
          }}
          onCancel={onClose}
        >
          <p>{dialog.text}</p>
        </ConfirmDialog>
      );
  }
}

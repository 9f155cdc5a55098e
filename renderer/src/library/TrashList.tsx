import { TRASH_RETENTION_DAYS, type TrashListItem } from '../../../app/store/trash-repo';
import { daysLeft } from './library-selection';

const deletedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Props of the trash list. */
export interface TrashListProps {
  items: readonly TrashListItem[];
  onRestore: (item: TrashListItem) => void;
  onDeleteForever: (item: TrashListItem) => void;
}

/** Documents in the trash, with their highlights, how long they stay, and restore or delete. */
export function TrashList({ items, onRestore, onDeleteForever }: TrashListProps) {
  if (items.length === 0) {
    return (
      <div className="trash-empty">
        <p>The Trash is empty.</p>
        <p className="muted">Documents you move here keep their highlights and notes for {TRASH_RETENTION_DAYS} days, so you can restore them.</p>
      </div>
    );
  }
  return (
    <ul className="trash-list" aria-label="Trash">
      {items.map((item) => {
        const left = daysLeft(item.deletedAt, TRASH_RETENTION_DAYS);
        return (
          <li key={item.id} className="trash-item" data-document-id={item.docId}>
            <div className="trash-item-text">
              <span className="doc-title">{item.title}</span>
              <span className="trash-item-meta">
                {item.authorsLabel ? `${item.authorsLabel} · ` : ''}
                {item.annotationCount ? `${plural(item.annotationCount, 'highlight')} · ` : ''}
                Deleted {deletedFormat.format(item.deletedAt)} · {left === 0 ? 'removed at next start' : `${plural(left, 'day')} left`}
              </span>
            </div>
            <button type="button" className="button button-small" onClick={() => onRestore(item)}>
              Restore
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => onDeleteForever(item)}>
              Delete forever…
            </button>
          </li>
        );
      })}
    </ul>
  );
}

import { removeWorks, restoreWorks } from '../../../app/store/works-repo';
import { useServices } from '../services/context';

/**
 * "Remove from bibliography" on a Cited Works row that holds imported works: the imported
 * entries go (a row a source cites stays, as the source's), with Undo on the notice.
 */
export function RemoveFromBibliography({ workIds, label }: { workIds: readonly string[]; label: string }) {
  const { database, notices } = useServices();
  const remove = async () => {
    try {
      const removed = await removeWorks(database, workIds);
      notices.info(`Removed “${label}” from your bibliography.`, {
        label: 'Undo',
        run: () => void restoreWorks(database, removed).catch((error: unknown) => notices.storageError(error)),
      });
    } catch (error) {
      notices.storageError(error);
    }
  };
  return (
    <button type="button" className="index-doc-link" onClick={() => void remove()} aria-label={`Remove from bibliography: ${label}`}>
      Remove from bibliography
    </button>
  );
}

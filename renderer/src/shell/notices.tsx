import { createPortal } from 'react-dom';
import { useTopDialog } from './Modal';
import { useEffect, useSyncExternalStore } from 'react';
import type { Notice, NoticeBoard } from '../services/notices';

export type { Notice, NoticeAction } from '../services/notices';

/** Information fades after this long; errors stay until the student dismisses them. */
const INFO_LIFETIME_MS = 8000;

/** The notices on a board, live; the oldest piece of information fades after a while. */
export function useNoticeList(board: NoticeBoard): readonly Notice[] {
  const notices = useSyncExternalStore(board.subscribe, board.list);
  useEffect(() => {
    const info = notices.find((notice) => notice.tone === 'info');
    if (!info) return;
    const timer = setTimeout(() => board.dismiss(info.id), INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notices, board]);
  return notices;
}

/**
 * How a notice is announced: errors as alerts, the rest as status messages. Inside a dialog the
 * same live regions are written without the roles, which name the dialog's own alert and status.
 */
function announced(notice: Notice, inDialog: boolean) {
  const error = notice.tone === 'error';
  if (!inDialog) return { role: error ? 'alert' : 'status' };
  return { 'aria-live': error ? ('assertive' as const) : ('polite' as const), 'aria-atomic': true };
}

/** Renders notices; errors are announced to screen readers as alerts. */
export function NoticeList({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  const dialog = useTopDialog();
  if (notices.length === 0) return null;
  // While a modal dialog is open everything outside it is inert: the notices show inside it, on
  // top of its card, where they can still be read, dismissed and undone.
  const list = (
    <section className="notices" aria-label="Messages">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} {...announced(notice, dialog !== null)}>
          <span className="notice-text">{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                notice.action!.run();
                onDismiss(notice.id);
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" className="notice-close" aria-label="Dismiss message" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
  return dialog ? createPortal(list, dialog) : list;
}

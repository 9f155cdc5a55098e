import { useCallback, useEffect, useState } from 'react';

/** Information fades after this long; errors stay until the student dismisses them. */
const INFO_LIFETIME_MS = 8000;

/** A message shown to the student: an import error, or a summary of what was imported. */
export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
  /** One action the message offers, such as Undo. */
  action?: NoticeAction;
}

/** A button on a notice. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

let nextId = 1;

/** A short list of notices; errors stay until dismissed, information can be cleared. */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((tone: Notice['tone'], text: string, action?: NoticeAction) => {
    setNotices((list) => [...list.slice(-7), { id: nextId++, tone, text, action }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  useEffect(() => {
    const info = notices.filter((notice) => notice.tone === 'info');
    if (info.length === 0) return;
    const timer = setTimeout(() => dismiss(info[0]!.id), INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notices, dismiss]);
  return { notices, push, dismiss };
}

/** Renders notices; errors are announced to screen readers as alerts. */
export function NoticeList({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Messages">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
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
}

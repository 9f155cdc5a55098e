import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { reportMarkdown } from '../../../app/check/report-markdown';
import { useCitationStyle } from '../citations/citation-style';
import { useServices } from '../services/context';
import { CheckReportView } from './CheckReportView';
import { createCheckSession, startCheckWorker, type CheckSession } from './check-session';
import { CheckStart } from './CheckStart';
import { CHECK_STYLES, progressText, reportFileName, summaryLine } from './report-text';
import './check.css';

let appSession: CheckSession | null = null;

/** The app's one check session: it outlives the view, so the last report is there on return. */
function useCheckSession(style: string): CheckSession {
  appSession ??= createCheckSession(startCheckWorker, style);
  return appSession;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** The quote check: a draft's quotations and citations checked against the library. */
export function CheckView({ onOpenDocument }: { onOpenDocument: (docId: string, offset?: number) => void }) {
  const { platform, notices } = useServices();
  const session = useCheckSession(useCitationStyle());
  const state = useSyncExternalStore(session.subscribe, session.get);
  const [dropping, setDropping] = useState(false);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(state.report);

  // A new report (not the one shown when the view opened) takes focus, so the keyboard is on it.
  useEffect(() => {
    if (state.report && state.report !== shown.current) summaryRef.current?.focus();
    shown.current = state.report;
  }, [state.report]);

  const checkFile = useCallback(
    async (file: { name: string; blob: Blob }) => {
      try {
        session.check({ kind: 'file', fileName: file.name, bytes: new Uint8Array(await file.blob.arrayBuffer()) });
      } catch {
        notices.error(`Lectern could not read “${file.name}”. Check that the file is still there and try again.`);
      }
    },
    [session, notices],
  );

  const openDraft = async () => {
    const picked = await platform.pickFiles('draft');
    if (!picked.ok) notices.error(picked.error);
    else if (picked.value[0]) await checkFile(picked.value[0]);
  };

  const copy = async (citation: string) => {
    try {
      await navigator.clipboard.writeText(citation);
      notices.info(`Copied ${citation}`);
    } catch {
      notices.error('Lectern could not write to the clipboard. Select the citation and copy it by hand.');
    }
  };

  const exportReport = async () => {
    if (!state.report) return;
    const saved = await platform.saveFile(reportFileName(state.report.draft.fileName), reportMarkdown(state.report));
    if (!saved.ok) notices.error(saved.error);
    else if (saved.value) notices.info(`Saved the report to ${saved.value.path}`);
    else if (platform.kind === 'web') notices.info('The report was downloaded as Markdown.');
  };

  const dragProps = {
    onDragEnter: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // The view takes the file as a draft: the window's import overlay stays away.
      event.preventDefault();
      event.stopPropagation();
      setDropping(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      setDropping(false);
      const file = event.dataTransfer.files[0];
      if (file) void checkFile({ name: file.name, blob: file });
    },
  };

  const running = state.status === 'running';
  const report = state.report;
  return (
    <main className={`check-view${dropping ? ' dropping' : ''}`} aria-label="Quote check" aria-busy={running} {...dragProps}>
      <div className="check-inner">
        <div className="check-toolbar">
          <h1 className="check-title">Quote check</h1>
          <span className="check-draft-name">{state.draftName ?? ''}</span>
          {report ? (
            <>
              <label className="check-style">
                Style{' '}
                <select aria-label="Citation style" value={state.style} onChange={(event) => session.restyle(event.target.value)} disabled={running}>
                  {CHECK_STYLES.map((style) => (
                    <option key={style.id} value={style.id}>
                      {style.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button" onClick={() => void exportReport()} disabled={running}>
                Export as Markdown
              </button>
              <button type="button" className="button button-quiet" onClick={() => session.clear()} title="Back to opening or pasting a draft">
                New check
              </button>
            </>
          ) : null}
        </div>
        <div className="check-status-line" role="status">
          {running ? (
            <>
              <span className="check-progress">{progressText(state.progress)}</span>
              <button type="button" className="button button-small" onClick={() => session.cancel()}>
                Stop
              </button>
            </>
          ) : report ? (
            <span className="visually-hidden">{summaryLine(report.summary)}</span>
          ) : null}
        </div>
        {state.error ? (
          <p className="check-error" role="alert">
            {state.error}
          </p>
        ) : null}
        {report ? (
          <CheckReportView
            ref={summaryRef}
            report={report}
            busy={running}
            onOpen={(docId, offset) => onOpenDocument(docId, offset)}
            onCopy={(citation) => void copy(citation)}
            onCheckAgain={() => session.recheck()}
          />
        ) : (
          <CheckStart busy={running} onOpenDraft={() => void openDraft()} onPaste={(text) => session.check({ kind: 'text', text })} />
        )}
      </div>
      {dropping ? (
        <div className="check-drop" aria-hidden="true">
          <div className="check-drop-card">Drop a draft to check its quotations</div>
        </div>
      ) : null}
    </main>
  );
}

import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import './error-boundary.css';

/** Props of an error boundary. */
export interface ErrorBoundaryProps {
  /** What stopped, as the message names it: "This pane", "The library", "Lectern". */
  what: string;
  /**
   * "part" (a pane, a view): Reload draws that part again, the rest of the app untouched.
   * "window" (the app's root): Reload reloads the window, the one way back from a broken shell.
   */
  reach?: 'part' | 'window';
  /** Given, the message offers to close the part instead (a pane). */
  onClose?: () => void;
  /** Told of what was caught; the default writes it to the console for a bug report. */
  onCaught?: (error: unknown, info: ErrorInfo) => void;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  /** Bumped by Reload: a new key remounts the children, so they start from their stored data again. */
  generation: number;
}

/** What a student is told of an error: its message, short, never a stack trace. */
export function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const line = message.split('\n')[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * Catches what a part of the app throws while it renders, so one broken pane (a document whose
 * stored content cannot be read, a bug in one view) shows a message and a Reload button instead
 * of taking the whole window down with it; the other panes and views go on working.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (this.props.onCaught) this.props.onCaught(error, info);
    else console.error(`${this.props.what} stopped:`, error, info.componentStack);
  }

  private readonly reload = () => {
    if (this.props.reach === 'window') window.location.reload();
    else this.setState(({ generation }) => ({ error: null, generation: generation + 1 }));
  };

  override render(): ReactNode {
    const { error, generation } = this.state;
    if (!error) return <Fragment key={generation}>{this.props.children}</Fragment>;
    const { what, reach = 'part', onClose } = this.props;
    const reason = errorSummary(error);
    return (
      <div className={`error-boundary error-boundary-${reach}`} role="alert">
        <p className="error-boundary-title">{what} ran into a problem and stopped.</p>
        {reason ? <p className="error-boundary-reason">{reason}</p> : null}
        <p className="error-boundary-hint">{reach === 'window' ? 'Reloading the window brings Lectern back; your library is kept.' : 'The rest of Lectern still works. Reloading draws it again from your library.'}</p>
        <div className="error-boundary-actions">
          <button type="button" className="button button-primary" onClick={this.reload}>
            {reach === 'window' ? 'Reload window' : 'Reload'}
          </button>
          {onClose ? (
            <button type="button" className="button" onClick={onClose}>
              Close pane
            </button>
          ) : null}
        </div>
      </div>
    );
  }
}

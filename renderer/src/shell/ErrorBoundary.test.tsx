// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, errorSummary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  // React reports every caught error too; the boundary's own report is what these tests read.
  root = createRoot(host, { onCaughtError: () => undefined });
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const button = (name: string) => [...host.querySelectorAll('button')].find((candidate) => candidate.textContent === name);
const broken = { on: true, mounts: 0 };

/** A pane body that cannot draw while `broken.on`, counting how often it is mounted. */
function Body({ name }: { name: string }) {
  if (broken.on) throw new Error('The stored content of this document has no blocks.\n    at Body (pane.tsx:1)');
  broken.mounts++;
  return <p className="body">{name}</p>;
}

describe('ErrorBoundary', () => {
  it('shows what stopped and why, with Reload and Close, while the rest of the page draws', () => {
    broken.on = true;
    const onCaught = vi.fn();
    const onClose = vi.fn();
    act(() =>
      root.render(
        <>
          <ErrorBoundary what="This pane" onClose={onClose} onCaught={onCaught}>
            <Body name="first" />
          </ErrorBoundary>
          <ErrorBoundary what="This pane" onCaught={onCaught}>
            <p className="other">The other pane</p>
          </ErrorBoundary>
        </>,
      ),
    );
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('This pane ran into a problem and stopped.');
    expect(alert.textContent).toContain('The stored content of this document has no blocks.');
    expect(alert.textContent).not.toContain('pane.tsx');
    expect(host.querySelector('.other')!.textContent).toBe('The other pane');
    expect(onCaught).toHaveBeenCalledTimes(1);
    expect((onCaught.mock.calls[0]![0] as Error).message).toMatch(/^The stored content/);
    act(() => button('Close pane')!.click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('draws the part again on Reload: a fresh mount of its children, the message gone once they draw', () => {
    broken.on = true;
    broken.mounts = 0;
    act(() =>
      root.render(
        <ErrorBoundary what="The library" onCaught={() => undefined}>
          <Body name="library" />
        </ErrorBoundary>,
      ),
    );
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    expect(button('Close pane')).toBeUndefined();
    act(() => button('Reload')!.click());
    // Still broken: the message again.
    expect(host.querySelector('[role="alert"]')!.textContent).toContain('The library ran into a problem');
    broken.on = false;
    act(() => button('Reload')!.click());
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.querySelector('.body')!.textContent).toBe('library');
    expect(broken.mounts).toBe(1);
  });

  it('reloads the window from the root boundary', () => {
    broken.on = true;
    const reload = vi.fn();
    const location = window.location;
    Object.defineProperty(window, 'location', { configurable: true, value: { ...location, reload } });
    try {
      act(() =>
        root.render(
          <ErrorBoundary what="Lectern" reach="window" onCaught={() => undefined}>
            <Body name="app" />
          </ErrorBoundary>,
        ),
      );
      act(() => button('Reload window')!.click());
      expect(reload).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(window, 'location', { configurable: true, value: location });
    }
  });

  it('writes what was caught to the console when no one else is told', () => {
    broken.on = true;
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    act(() =>
      root.render(
        <ErrorBoundary what="The index">
          <Body name="index" />
        </ErrorBoundary>,
      ),
    );
    expect(log.mock.calls.some((call) => call[0] === 'The index stopped:')).toBe(true);
    log.mockRestore();
  });

  it('tells a student one short line of the error, never a stack', () => {
    expect(errorSummary(new Error('first line\nat x (y.ts:1)'))).toBe('first line');
    expect(errorSummary('a string')).toBe('a string');
    expect(errorSummary({ weird: true })).toBe('');
    expect(errorSummary(new Error('x'.repeat(400)))).toHaveLength(160);
  });
});

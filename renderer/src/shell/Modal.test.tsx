// @vitest-environment happy-dom
import { act, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Modal } from './Modal';
import { NoticeList, type Notice } from './notices';

// Tells React that act() wraps every update here.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  document.body.innerHTML = '';
});

function render(element: React.ReactNode) {
  act(() => root.render(element));
}

const dialog = () => document.querySelector<HTMLDialogElement>('dialog')!;
const button = (name: string) => [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;

function key(target: Element, init: KeyboardEventInit) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

/** The dialog's card spans 100–300 px both ways; a press outside it lands on the ::backdrop. */
function placeCard() {
  vi.spyOn(dialog(), 'getBoundingClientRect').mockReturnValue({ left: 100, top: 100, right: 300, bottom: 300, width: 200, height: 200, x: 100, y: 100, toJSON: () => ({}) });
}

function click(target: Element, at = { clientX: 150, clientY: 150 }) {
  act(() => {
    target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, ...at }));
    target.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, ...at }));
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...at }));
  });
}
const OUTSIDE = { clientX: 20, clientY: 20 };

function Example({ onClose }: { onClose: () => void }) {
  return (
    <Modal className="overlay-card example" label="Example" onClose={onClose}>
      <h2>Example</h2>
      <input aria-label="Name" />
      <button type="button">Cancel</button>
      <button type="button">Save</button>
    </Modal>
  );
}

/** An opener button and the modal it opens, as the app uses them. */
function Opener() {
  const [open, setOpen] = useState(false);
  const save = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open ? (
        <Modal className="overlay-card" label="Opened" initialFocus={save} onClose={() => setOpen(false)}>
          <button type="button">Cancel</button>
          <button ref={save} type="button">
            Save
          </button>
        </Modal>
      ) : null}
    </>
  );
}

describe('Modal', () => {
  it('is the platform’s dialog, opened as a modal, labelled, with the given class', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    render(<Example onClose={() => undefined} />);
    expect(dialog().open).toBe(true);
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog().getAttribute('role')).toBe('dialog');
    expect(dialog().getAttribute('aria-label')).toBe('Example');
    expect(dialog().className).toBe('overlay-card example');
    expect(document.querySelector('.overlay')).toBeNull();
    showModal.mockRestore();
  });

  it('holds a form with a submit handler, named by its title, with the role it is given', () => {
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    render(
      <Modal className="card" role="alertdialog" labelledBy="title" onClose={() => undefined} onSubmit={onSubmit}>
        <h2 id="title">Question</h2>
        <button type="submit">Go</button>
      </Modal>,
    );
    const form = dialog().querySelector('form')!;
    expect(form.parentElement).toBe(dialog());
    expect(dialog().getAttribute('role')).toBe('alertdialog');
    expect(dialog().getAttribute('aria-labelledby')).toBe('title');
    expect(dialog().hasAttribute('aria-label')).toBe(false);
    act(() => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape without letting the key reach the app', () => {
    const onClose = vi.fn();
    const global = vi.fn();
    window.addEventListener('keydown', global);
    try {
      render(<Example onClose={onClose} />);
      const event = key(button('Save'), { key: 'Escape' });
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(event.defaultPrevented).toBe(true);
      expect(global).not.toHaveBeenCalled();
      key(button('Save'), { key: 'a' });
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(global).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('keydown', global);
    }
  });

  it('closes on the platform’s cancel (a close request), keeping the dialog until its owner closes it', () => {
    const onClose = vi.fn();
    render(<Example onClose={onClose} />);
    const cancel = new Event('cancel', { cancelable: true });
    act(() => {
      dialog().dispatchEvent(cancel);
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(cancel.defaultPrevented).toBe(true);
    expect(dialog().open).toBe(true);
  });

  it('takes a close the platform made itself as a close, and opens again when its owner keeps it', async () => {
    const onClose = vi.fn();
    render(<Example onClose={onClose} />);
    act(() => dialog().close());
    expect(onClose).toHaveBeenCalledTimes(1);
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(dialog().open).toBe(true);
  });

  it('ignores a late close event that finds the dialog open again (Suspense hid and showed it)', () => {
    const onClose = vi.fn();
    render(<Example onClose={onClose} />);
    act(() => {
      dialog().dispatchEvent(new Event('close'));
    });
    expect(onClose).not.toHaveBeenCalled();
    expect(dialog().open).toBe(true);
  });

  it('closes on a click on the backdrop, not on one inside the dialog', () => {
    const onClose = vi.fn();
    render(<Example onClose={onClose} />);
    placeCard();
    click(dialog());
    click(button('Save'));
    click(dialog().querySelector('h2')!);
    expect(onClose).not.toHaveBeenCalled();
    click(dialog(), OUTSIDE);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stays open when a press inside the dialog is released over the backdrop', () => {
    const onClose = vi.fn();
    render(<Example onClose={onClose} />);
    placeCard();
    act(() => {
      dialog().querySelector('input')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 150, clientY: 150 }));
      dialog().dispatchEvent(new MouseEvent('mouseup', { bubbles: true, ...OUTSIDE }));
      dialog().dispatchEvent(new MouseEvent('click', { bubbles: true, ...OUTSIDE }));
    });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('ignores the backdrop when told to, but still closes on Escape', () => {
    const onClose = vi.fn();
    render(
      <Modal className="card" label="Busy" closeOnBackdrop={false} onClose={onClose}>
        <button type="button">Cancel</button>
      </Modal>,
    );
    placeCard();
    click(dialog(), OUTSIDE);
    expect(onClose).not.toHaveBeenCalled();
    key(button('Cancel'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('moves focus where the dialog asks when it opens: an element or a selector', () => {
    render(<Opener />);
    click(button('Open'));
    expect(document.activeElement).toBe(button('Save'));
    act(() => root.render(null));
    render(
      <Modal className="card" label="Chosen" initialFocus="button + button" onClose={() => undefined}>
        <button type="button">Cancel</button>
        <button type="button">Later</button>
      </Modal>,
    );
    expect(document.activeElement).toBe(button('Later'));
  });

  it('closes the platform dialog when it goes, and gives focus back to the element that had it', () => {
    render(<Opener />);
    const opener = button('Open');
    act(() => opener.focus());
    click(opener);
    const opened = dialog();
    expect(document.activeElement).toBe(button('Save'));
    key(button('Save'), { key: 'Escape' });
    expect(dialog()).toBeNull();
    expect(opened.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('shows notices inside the topmost open dialog, where they stay reachable, and back in the page once it closes', () => {
    const notices: Notice[] = [{ id: 1, tone: 'error', text: 'Could not save.' }];
    function Page({ open }: { open: boolean }) {
      return (
        <>
          <NoticeList notices={notices} onDismiss={() => undefined} />
          {open ? <Example onClose={() => undefined} /> : null}
        </>
      );
    }
    render(<Page open={false} />);
    expect(document.querySelector('.notices')!.parentElement).toBe(host);
    expect(document.querySelector('.notice')!.getAttribute('role')).toBe('alert');
    render(<Page open />);
    expect(document.querySelector('.notices')!.parentElement).toBe(dialog());
    expect(document.querySelectorAll('.notices')).toHaveLength(1);
    // Still a live region, but no second alert beside the dialog's own.
    expect(document.querySelector('.notice')!.getAttribute('aria-live')).toBe('assertive');
    expect(dialog().querySelector('[role="alert"]')).toBeNull();
    render(<Page open={false} />);
    expect(document.querySelector('.notices')!.parentElement).toBe(host);
  });
});

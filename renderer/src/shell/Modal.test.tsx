// @vitest-environment happy-dom
import { act, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Modal, tabbableIn } from './Modal';

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

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]')!;
const backdrop = () => document.querySelector<HTMLElement>('.overlay')!;
const button = (name: string) => [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;

function key(target: Element, init: KeyboardEventInit) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

function click(target: Element) {
  act(() => {
    target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    target.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true }));
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
}

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
  it('renders a backdrop and a labelled modal dialog with the given class', () => {
    render(<Example onClose={() => undefined} />);
    expect(backdrop().getAttribute('role')).toBe('presentation');
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    expect(dialog().getAttribute('aria-label')).toBe('Example');
    expect(dialog().className).toBe('overlay-card example');
    expect(dialog().tagName).toBe('DIV');
  });

  it('is a form with a submit handler, named by its title, with the role it is given', () => {
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    render(
      <Modal className="card" role="alertdialog" labelledBy="title" onClose={() => undefined} onSubmit={onSubmit}>
        <h2 id="title">Question</h2>
        <button type="submit">Go</button>
      </Modal>,
    );
    expect(dialog().tagName).toBe('FORM');
    expect(dialog().getAttribute('role')).toBe('alertdialog');
    expect(dialog().getAttribute('aria-labelledby')).toBe('title');
    expect(dialog().hasAttribute('aria-label')).toBe(false);
    act(() => {
      dialog().dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
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

  it('closes on a click on the backdrop, not on one inside the dialog', () => {
    const onClose = vi.fn();
    render(<Example onClose={onClose} />);
    click(dialog());
    click(button('Save'));
    click(dialog().querySelector('h2')!);
    expect(onClose).not.toHaveBeenCalled();
    click(backdrop());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stays open when a press inside the dialog is released over the backdrop', () => {
    const onClose = vi.fn();
    render(<Example onClose={onClose} />);
    act(() => {
      dialog().querySelector('input')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      backdrop().dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      backdrop().dispatchEvent(new MouseEvent('click', { bubbles: true }));
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
    click(backdrop());
    expect(onClose).not.toHaveBeenCalled();
    key(button('Cancel'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('moves focus to the first field when it opens, or where the dialog asks', () => {
    render(<Example onClose={() => undefined} />);
    expect(document.activeElement).toBe(dialog().querySelector('input'));
    act(() => root.render(null));
    render(
      <Modal className="card" label="Chosen" initialFocus="button + button" onClose={() => undefined}>
        <button type="button">Cancel</button>
        <button type="button">Save</button>
      </Modal>,
    );
    expect(document.activeElement).toBe(button('Save'));
  });

  it('gives focus back to the element that had it when it closes', () => {
    render(<Opener />);
    const opener = button('Open');
    act(() => opener.focus());
    click(opener);
    expect(document.activeElement).toBe(button('Save'));
    key(button('Save'), { key: 'Escape' });
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the dialog: past the last element to the first, and back', () => {
    render(<Example onClose={() => undefined} />);
    const input = dialog().querySelector('input')!;
    const save = button('Save');
    act(() => save.focus());
    const forward = key(save, { key: 'Tab' });
    expect(forward.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(input);
    const backward = key(input, { key: 'Tab', shiftKey: true });
    expect(backward.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(save);
    // Between the ends the browser moves focus itself.
    act(() => input.focus());
    expect(key(input, { key: 'Tab' }).defaultPrevented).toBe(false);
  });

  it('brings focus that lands outside back in, and Tab from the dialog itself goes to its ends', () => {
    render(
      <>
        <button type="button">Behind</button>
        <Example onClose={() => undefined} />
      </>,
    );
    const input = dialog().querySelector('input')!;
    act(() => button('Behind').focus());
    expect(document.activeElement).toBe(input);
    // A click on the dialog's text focuses the dialog, so Tab and Esc still reach it.
    expect(dialog().tabIndex).toBe(-1);
    act(() => dialog().focus());
    key(dialog(), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(button('Save'));
    act(() => dialog().focus());
    key(dialog(), { key: 'Tab' });
    expect(document.activeElement).toBe(input);
  });

  it('enters a group of radio buttons once, at the checked one', () => {
    const host = document.createElement('div');
    host.innerHTML = `
      <input type="radio" name="scope" value="a"><input type="radio" name="scope" value="b" checked>
      <input type="radio" name="other" value="c"><input type="radio" name="other" value="d">
      <button disabled>Off</button><button tabindex="-1">Skipped</button><button>On</button>`;
    const names = tabbableIn(host).map((element) => (element as HTMLInputElement).value || element.textContent);
    expect(names).toEqual(['b', 'c', 'On']);
  });
});

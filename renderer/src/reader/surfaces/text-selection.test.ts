// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Block } from '../../../../app/documents/model';
import { textSelectionOf, visibleTextRange } from './text-selection';

// Canonical text: "Hello there.\nmise-en-scène" — a paragraph at 0 and a list item at 13 whose
// number is a decoration, not text.
function article(): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = '<p data-block="0" data-start="0">Hello <em>there</em>.</p><li data-block="1" data-start="13"><span data-nontext>1.</span>mise-en-scène</li>';
  document.body.append(root);
  return root;
}

function select(from: Node, fromOffset: number, to: Node, toOffset: number): Selection {
  const range = document.createRange();
  range.setStart(from, fromOffset);
  range.setEnd(to, toOffset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

function box(top: number, left: number, width: number, height: number): DOMRect {
  return { top, left, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('textSelectionOf', () => {
  it('reads a selection across blocks as canonical offsets, leaving out list numbers', () => {
    const root = article();
    const there = root.querySelector('em')!.firstChild!;
    const listed = root.querySelector('li')!.lastChild!;
    const found = textSelectionOf(select(there, 2, listed, 4), root, document.body);
    expect(found).toMatchObject({ start: 8, end: 17 });
    expect('Hello there.\nmise-en-scène'.slice(found!.start, found!.end)).toBe('ere.\nmise');
  });

  it('places the toolbar above the middle of the selection, measured from the frame', () => {
    const root = article();
    const frame = document.createElement('div');
    vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(box(100, 50, 600, 400));
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box(300, 250, 120, 20));
    const text = root.querySelector('p')!.firstChild!;
    const found = textSelectionOf(select(text, 0, text, 5), root, frame);
    expect(found).toEqual({ start: 0, end: 5, spot: { top: 300 - 100 - 44, left: 250 - 50 + 60 - 90 } });
  });

  it('is null for an empty selection or one outside the text', () => {
    const root = article();
    const text = root.querySelector('p')!.firstChild!;
    expect(textSelectionOf(select(text, 3, text, 3), root, document.body)).toBeNull();
    const elsewhere = document.createElement('p');
    elsewhere.textContent = 'Another pane';
    document.body.append(elsewhere);
    expect(textSelectionOf(select(elsewhere.firstChild!, 0, elsewhere.firstChild!, 7), root, document.body)).toBeNull();
  });
});

describe('visibleTextRange', () => {
  const blocks: Block[] = [
    { kind: 'paragraph', start: 0, end: 12 },
    { kind: 'paragraph', start: 13, end: 26 },
    { kind: 'paragraph', start: 27, end: 40 },
  ];

  it('spans the rendered blocks at least partly in view', () => {
    const scroller = document.createElement('div');
    scroller.innerHTML = blocks.map((block, index) => `<p data-block="${index}" data-start="${block.start}"></p>`).join('');
    vi.spyOn(scroller, 'getBoundingClientRect').mockReturnValue(box(0, 0, 500, 300));
    const rows = [box(-200, 0, 500, 190), box(-10, 0, 500, 200), box(190, 0, 500, 400)];
    scroller.querySelectorAll<HTMLElement>('p').forEach((row, index) => vi.spyOn(row, 'getBoundingClientRect').mockReturnValue(rows[index]!));
    expect(visibleTextRange(scroller, blocks)).toEqual({ start: 13, end: 40 });
  });

  it('is null when no block is rendered in view', () => {
    const scroller = document.createElement('div');
    expect(visibleTextRange(scroller, blocks)).toBeNull();
  });
});

// @vitest-environment happy-dom
import { act, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Block } from '../../../../app/documents/model';
import type { DocumentSummary } from '../../../../app/store/records';
import type { StoredAnnotation } from '../../../../app/store/annotations-repo';
import type { PlacedHighlight } from '../../highlights/placement';
import type { ReadingSurfaceHandle, ReadingSurfaceProps } from './surface';
import { TextSurface } from './TextSurface';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TEXT = 'First paragraph here.\nSecond one, longer.';
const BLOCKS: Block[] = [
  { kind: 'paragraph', start: 0, end: 21 },
  { kind: 'paragraph', start: 22, end: 41 },
];
const SUMMARY = { id: 'doc', title: 'A title', format: 'txt', metadata: { id: 'doc', type: 'article' }, provenance: {} } as unknown as DocumentSummary;
const HIGHLIGHT: PlacedHighlight = { annotation: { id: 'h1', docId: 'doc', color: 'green', selectors: [] } as unknown as StoredAnnotation, range: { start: 29, end: 32 } };

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  // happy-dom lays nothing out: give every element a size, so the virtualized view renders rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ top: 0, left: 0, right: 800, bottom: 600, width: 800, height: 600, x: 0, y: 0, toJSON: () => ({}) });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function render(overrides: Partial<ReadingSurfaceProps> = {}) {
  const ref = createRef<ReadingSurfaceHandle>();
  const props: ReadingSurfaceProps = {
    docId: 'doc',
    summary: SUMMARY,
    text: TEXT,
    blocks: BLOCKS,
    placed: [HIGHLIGHT],
    citations: [],
    selectedId: null,
    find: { matches: [], current: 0 },
    onScroll: () => undefined,
    onSelectHighlight: vi.fn(),
    onSelection: vi.fn(),
    onCreateHighlight: vi.fn(),
    toolbar: null,
    ref,
    ...overrides,
  };
  act(() => root.render(<TextSurface {...props} />));
  return { props, ref };
}

const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
const block = (index: number) => host.querySelector<HTMLElement>(`[data-block="${index}"]`)!;

describe('TextSurface', () => {
  it('reports a selection made in its text as canonical offsets', async () => {
    const { props } = render();
    const first = block(0).firstChild!;
    const range = document.createRange();
    range.setStart(first, 6);
    range.setEnd(block(1).querySelector('mark')!.firstChild!, 2);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    act(() => void host.querySelector('.pane-article')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    await nextFrame();
    expect(props.onSelection).toHaveBeenLastCalledWith(expect.objectContaining({ start: 6, end: 31 }));
    expect(TEXT.slice(6, 31)).toBe('paragraph here.\nSecond on');
  });

  it('reports no selection when the student clicks without selecting', async () => {
    const { props } = render();
    window.getSelection()!.removeAllRanges();
    act(() => void block(0).dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    await nextFrame();
    expect(props.onSelection).toHaveBeenLastCalledWith(null);
  });

  it('draws highlights in their blocks and reports one clicked', () => {
    const { props } = render();
    const mark = block(1).querySelector<HTMLElement>('mark[data-annotation-id="h1"]')!;
    expect(mark.textContent).toBe(TEXT.slice(29, 32));
    window.getSelection()!.removeAllRanges();
    act(() => mark.click());
    expect(props.onSelectHighlight).toHaveBeenCalledWith('h1');
  });

  it('keeps the marks under a selection as they were until the selection is done (a highlight arriving by sync)', async () => {
    const onSelection = vi.fn();
    render({ onSelection });
    const range = document.createRange();
    range.setStart(block(0).firstChild!, 0);
    range.setEnd(block(0).firstChild!, 5);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    act(() => void host.querySelector('.pane-article')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    await nextFrame();
    expect(onSelection).toHaveBeenLastCalledWith(expect.objectContaining({ start: 0, end: 5 }));
    const arrived: PlacedHighlight = { annotation: { ...HIGHLIGHT.annotation, id: 'h2' }, range: { start: 6, end: 15 } };
    render({ onSelection, placed: [HIGHLIGHT, arrived] });
    // Not drawn yet: the selected text node is untouched, so the selection and its toolbar stay.
    expect(host.querySelector('mark[data-annotation-id="h2"]')).toBeNull();
    expect(window.getSelection()!.toString()).toBe('First');
    act(() => {
      window.getSelection()!.removeAllRanges();
      document.dispatchEvent(new Event('selectionchange'));
    });
    expect(onSelection).toHaveBeenLastCalledWith(null);
    expect(block(0).querySelector('mark[data-annotation-id="h2"]')?.textContent).toBe(TEXT.slice(6, 15));
  });

  it('draws the toolbar the pane gives it', () => {
    render({ toolbar: <div className="selection-toolbar" /> });
    expect(host.querySelector('.selection-toolbar')).not.toBeNull();
  });

  it('drops the selection when asked', () => {
    const { ref } = render();
    const range = document.createRange();
    range.selectNodeContents(block(0));
    window.getSelection()!.addRange(range);
    act(() => ref.current!.clearSelection());
    expect(window.getSelection()!.rangeCount).toBe(0);
  });
});

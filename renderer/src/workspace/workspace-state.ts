/**
 * The reading workspace: one to four panes side by side, each showing a document or a notebook.
 * Kept in localStorage so the layout, each pane's content and its scroll position come back
 * after a restart.
 */

/** Where a pane was scrolled to: a block and a pixel offset inside it (survives resizes better than a raw scrollTop). */
export interface ScrollSpot {
  block: number;
  offset: number;
}

/** What one pane shows. */
export type PaneContent = { kind: 'empty' } | { kind: 'document'; docId: string } | { kind: 'notebook'; notebookId: string };

/** One pane. */
export interface Pane {
  id: string;
  content: PaneContent;
  scroll?: ScrollSpot;
  /** The student's choice to show or hide the highlights sidebar; unset follows the pane's width. */
  sidebar?: boolean;
  /** A place in the text to show once (a search hit, an index link); `nonce` tells requests apart. */
  reveal?: { offset: number; nonce: number };
}

/** The whole workspace. */
export interface WorkspaceState {
  panes: Pane[];
  activePaneId: string;
  /**
   * Pane id → width in percent, as the resizable group reports it; adding or closing a pane sets
   * the split it should take next (equal widths, or the closed pane's width shared out).
   */
  layout?: Record<string, number>;
}

/** The most panes side by side: beyond four, each is too narrow to read. */
export const MAX_PANES = 4;

const STORAGE_KEY = 'lectern.workspace.v1';

let paneCounter = 0;
function newPaneId(): string {
  paneCounter += 1;
  return `pane-${Date.now().toString(36)}-${paneCounter}`;
}

/** A workspace with one empty pane. */
export function emptyWorkspace(): WorkspaceState {
  const id = newPaneId();
  return { panes: [{ id, content: { kind: 'empty' } }], activePaneId: id };
}

/** Changes a student can make to the workspace. */
export type WorkspaceAction =
  | { type: 'open'; content: PaneContent; paneId?: string; newPane?: boolean; offset?: number }
  | { type: 'close-pane'; paneId: string }
  | { type: 'add-pane' }
  | { type: 'activate'; paneId: string }
  | { type: 'scroll'; paneId: string; scroll: ScrollSpot }
  | { type: 'sidebar'; paneId: string; open: boolean }
  | { type: 'layout'; layout: Record<string, number> }
  | { type: 'forget-document'; docId: string }
  | { type: 'replace-document'; oldId: string; newId: string };

/** Every pane the same width: how a pane that has just been added is laid out. */
export function equalLayout(panes: readonly Pane[]): Record<string, number> {
  return Object.fromEntries(panes.map((pane) => [pane.id, 100 / panes.length]));
}

/**
 * The panes' widths from `layout`, scaled to fill the row: after a pane closes, the others share
 * its width in proportion to their own. Undefined when `layout` does not give every pane a width.
 */
export function layoutForPanes(layout: Record<string, number> | undefined, panes: readonly Pane[]): Record<string, number> | undefined {
  if (!layout || panes.length === 0) return undefined;
  const sizes = panes.map((pane) => layout[pane.id]);
  if (!sizes.every((size): size is number => typeof size === 'number' && Number.isFinite(size) && size > 0)) return undefined;
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return Object.fromEntries(panes.map((pane, index) => [pane.id, (sizes[index]! / total) * 100]));
}

function sameContent(a: PaneContent, b: PaneContent): boolean {
  if (a.kind === 'document' && b.kind === 'document') return a.docId === b.docId;
  if (a.kind === 'notebook' && b.kind === 'notebook') return a.notebookId === b.notebookId;
  return false;
}

/** Applies one action; returns the same object when nothing changes. */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'open': {
      const reveal = action.offset === undefined ? undefined : { offset: action.offset, nonce: Date.now() + Math.random() };
      const wantsNew = action.newPane && state.panes.length < MAX_PANES;
      if (wantsNew) {
        const id = newPaneId();
        const panes = [...state.panes, { id, content: action.content, ...(reveal ? { reveal } : {}) }];
        return { panes, activePaneId: id, layout: equalLayout(panes) };
      }
      const targetId = action.paneId ?? state.activePaneId;
      const target = state.panes.find((pane) => pane.id === targetId) ?? state.panes[0]!;
      if (sameContent(target.content, action.content)) {
        if (!reveal) return { ...state, activePaneId: target.id };
        return { ...state, activePaneId: target.id, panes: state.panes.map((pane) => (pane.id === target.id ? { ...pane, reveal } : pane)) };
      }
      return {
        ...state,
        activePaneId: target.id,
        panes: state.panes.map((pane) => (pane.id === target.id ? { id: pane.id, content: action.content, ...(reveal ? { reveal } : {}) } : pane)),
      };
    }
    case 'add-pane': {
      if (state.panes.length >= MAX_PANES) return state;
      const id = newPaneId();
      const panes: Pane[] = [...state.panes, { id, content: { kind: 'empty' } }];
      return { panes, activePaneId: id, layout: equalLayout(panes) };
    }
    case 'close-pane': {
      const panes = state.panes.filter((pane) => pane.id !== action.paneId);
      if (panes.length === 0) return emptyWorkspace();
      const activePaneId = panes.some((pane) => pane.id === state.activePaneId) ? state.activePaneId : panes[panes.length - 1]!.id;
      return { panes, activePaneId, layout: layoutForPanes(state.layout, panes) ?? equalLayout(panes) };
    }
    case 'activate':
      return state.activePaneId === action.paneId || !state.panes.some((p) => p.id === action.paneId) ? state : { ...state, activePaneId: action.paneId };
    case 'scroll':
      return { ...state, panes: state.panes.map((pane) => (pane.id === action.paneId ? { ...pane, scroll: action.scroll } : pane)) };
    case 'sidebar':
      return { ...state, panes: state.panes.map((pane) => (pane.id === action.paneId ? { ...pane, sidebar: action.open } : pane)) };
    case 'layout':
      return { ...state, layout: action.layout };
    case 'replace-document':
      return {
        ...state,
        panes: state.panes.map((pane) =>
          pane.content.kind === 'document' && pane.content.docId === action.oldId ? { ...pane, content: { kind: 'document', docId: action.newId } } : pane,
        ),
      };
    case 'forget-document':
      return {
        ...state,
        panes: state.panes.map((pane) =>
          pane.content.kind === 'document' && pane.content.docId === action.docId ? { id: pane.id, content: { kind: 'empty' } } : pane,
        ),
      };
  }
}

function isPane(value: unknown): value is Pane {
  if (!value || typeof value !== 'object') return false;
  const pane = value as Pane;
  if (typeof pane.id !== 'string' || !pane.content || typeof pane.content !== 'object') return false;
  const content = pane.content as { kind?: unknown; docId?: unknown; notebookId?: unknown };
  return (
    content.kind === 'empty' ||
    (content.kind === 'document' && typeof content.docId === 'string') ||
    (content.kind === 'notebook' && typeof content.notebookId === 'string')
  );
}

/** Reads the saved workspace; anything damaged or missing gives a fresh one. */
export function loadWorkspace(storage: Pick<Storage, 'getItem'> = localStorage): WorkspaceState {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return emptyWorkspace();
    const parsed = JSON.parse(raw) as Partial<WorkspaceState>;
    const panes = Array.isArray(parsed.panes) ? parsed.panes.filter(isPane).slice(0, MAX_PANES) : [];
    if (panes.length === 0) return emptyWorkspace();
    const activePaneId = panes.some((p) => p.id === parsed.activePaneId) ? parsed.activePaneId! : panes[0]!.id;
    return { panes, activePaneId, layout: parsed.layout && typeof parsed.layout === 'object' ? parsed.layout : undefined };
  } catch {
    return emptyWorkspace();
  }
}

/** Saves the workspace. */
export function saveWorkspace(state: WorkspaceState, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // A full or disabled storage only costs the restored layout; reading goes on.
  }
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAnnotation, listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import type { LecternDb } from '../../../app/store/db';
import { openTestDb } from '../../../app/store/test-support';
import type { SearchChange } from '../search/search-service';
import { createNoticeBoard, type NoticeBoard } from '../services/notices';
import { highlightActions, type HighlightActions } from './actions';

const TEXT = 'Reading notes\nThe argument rests on earlier work by Ezerova.';
const CLOSED = 'The library was closed while saving. Reopen Lectern and try again.';

let db: LecternDb;
let notices: NoticeBoard;
let changes: SearchChange[];
let actions: HighlightActions;

beforeEach(async () => {
  db = await openTestDb();
  notices = createNoticeBoard();
  changes = [];
  actions = highlightActions({ database: db, notices, search: { changed: (change) => changes.push(change) } });
});
afterEach(() => db.close());

const errors = () => notices.list().filter((notice) => notice.tone === 'error').map((notice) => notice.text);

describe('highlight actions', () => {
  it('create stores the highlight with its quote and position and tells search', async () => {
    const start = TEXT.indexOf('argument');
    const created = await actions.create('doc-1', TEXT, start, start + 'argument rests'.length, 'green');
    expect(created).not.toBeNull();
    const stored = await getAnnotation(db, created!.id);
    expect(stored).toEqual(created);
    expect(stored!.color).toBe('green');
    expect(stored!.selectors).toContainEqual(expect.objectContaining({ type: 'TextQuoteSelector', exact: 'argument rests' }));
    expect(stored!.selectors).toContainEqual({ type: 'TextPositionSelector', start, end: start + 14 });
    expect(changes).toEqual([{ kind: 'annotation', id: created!.id }]);
    expect(notices.list()).toEqual([]);
  });

  it('create keeps a page selector for a highlight made on a page', async () => {
    const page = { type: 'PageSelector' as const, page: 3, rects: [{ x: 1, y: 2, width: 3, height: 4 }] };
    const created = await actions.create('doc-1', TEXT, 0, 7, 'yellow', page);
    expect((await getAnnotation(db, created!.id))!.selectors).toContainEqual(page);
  });

  it('recolor changes only the colour and tells search', async () => {
    const created = (await actions.create('doc-1', TEXT, 0, 7, 'yellow'))!;
    changes.length = 0;
    await actions.recolor(created.id, 'blue');
    const stored = await getAnnotation(db, created.id);
    expect(stored).toEqual({ ...created, color: 'blue', updatedAt: stored!.updatedAt });
    expect(stored!.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);
    expect(changes).toEqual([{ kind: 'annotation', id: created.id }]);
  });

  it('saveNote stores the note', async () => {
    const created = (await actions.create('doc-1', TEXT, 0, 7, 'yellow'))!;
    await actions.saveNote(created.id, { root: { children: [] } }, 'my note');
    expect(await getAnnotation(db, created.id)).toMatchObject({ noteJson: { root: { children: [] } }, noteText: 'my note', color: 'yellow' });
  });

  it('remove deletes and returns the highlight; restore (undo) puts it back exactly', async () => {
    const created = (await actions.create('doc-1', TEXT, 0, 7, 'pink'))!;
    await actions.saveNote(created.id, null, 'kept with it');
    const before = await getAnnotation(db, created.id);
    changes.length = 0;
    const removed = await actions.remove(created.id);
    expect(removed).toEqual(before);
    expect(await listAnnotationsByDoc(db, 'doc-1')).toEqual([]);
    await actions.restore(removed!);
    expect(await getAnnotation(db, created.id)).toEqual(before);
    expect(changes).toEqual([
      { kind: 'annotation', id: created.id },
      { kind: 'annotation', id: created.id },
    ]);
  });

  it('remove of a highlight that is gone does nothing', async () => {
    expect(await actions.remove('missing')).toBeUndefined();
    expect(changes).toEqual([]);
    expect(notices.list()).toEqual([]);
  });

  it('reports failures through the notices, once for a repeat, and says what the caller needs', async () => {
    const created = (await actions.create('doc-1', TEXT, 0, 7, 'yellow'))!;
    changes.length = 0;
    db.close();
    expect(await actions.create('doc-1', TEXT, 0, 7, 'yellow')).toBeNull();
    expect(errors()).toEqual([CLOSED]);
    // Recolor and undo report, never throw; the same failure moments later is not repeated.
    await expect(actions.recolor(created.id, 'blue')).resolves.toBeUndefined();
    await expect(actions.restore(created)).resolves.toBeUndefined();
    expect(await actions.remove(created.id)).toBeUndefined();
    // A note that could not be saved rejects, so the durable saver keeps its draft.
    await expect(actions.saveNote(created.id, null, 'draft')).rejects.toThrow();
    expect(errors()).toEqual([CLOSED]);
    expect(changes).toEqual([]);
  });

  it('reports a failure again once the repeat window has passed', async () => {
    let now = 0;
    notices = createNoticeBoard(() => now);
    actions = highlightActions({ database: db, notices, search: { changed: (change) => changes.push(change) } });
    db.close();
    await actions.create('doc-1', TEXT, 0, 7, 'yellow');
    now = 11_000;
    await actions.create('doc-1', TEXT, 0, 7, 'yellow');
    expect(errors()).toEqual([CLOSED, CLOSED]);
  });
});

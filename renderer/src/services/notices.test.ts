import { describe, expect, it } from 'vitest';
import { createNoticeBoard } from './notices';

describe('notice board', () => {
  it('keeps the last eight notices in order, with their actions, and dismisses by id', () => {
    const board = createNoticeBoard();
    let changes = 0;
    board.subscribe(() => (changes += 1));
    const undo = { label: 'Undo', run: () => undefined };
    for (let index = 1; index <= 9; index += 1) board.info(`note ${index}`);
    board.error('broken');
    board.info('deleted', undo);
    const list = board.list();
    expect(list.map((notice) => notice.text)).toEqual(['note 4', 'note 5', 'note 6', 'note 7', 'note 8', 'note 9', 'broken', 'deleted']);
    expect(list[6]).toMatchObject({ tone: 'error' });
    expect(list[7]!.action).toBe(undo);
    board.dismiss(list[6]!.id);
    expect(board.list().map((notice) => notice.text)).not.toContain('broken');
    expect(changes).toBe(12);
  });

  it('describes a storage failure as a sentence, not the error', () => {
    const board = createNoticeBoard();
    board.storageError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    expect(board.list().map((notice) => [notice.tone, notice.text])).toEqual([['error', expect.stringContaining('storage is full')]]);
  });
});

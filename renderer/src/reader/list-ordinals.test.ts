import { describe, expect, it } from 'vitest';
import type { Block } from '../../../app/documents/model';
import { listOrdinals } from './list-ordinals';

const item = (level: number, ordered: boolean): Block => ({ kind: 'list-item', start: 0, end: 0, level, ordered });
const para: Block = { kind: 'paragraph', start: 0, end: 0 };

describe('listOrdinals', () => {
  it('numbers each ordered list from 1 and restarts after other blocks', () => {
    expect(listOrdinals([item(0, true), item(0, true), para, item(0, true)])).toEqual([1, 2, undefined, 1]);
  });

  it('numbers nested lists on their own and resumes the outer count', () => {
    expect(listOrdinals([item(0, true), item(1, true), item(1, true), item(0, true)])).toEqual([1, 1, 2, 2]);
  });

  it('gives bullets no number', () => {
    expect(listOrdinals([item(0, false), item(1, false), para])).toEqual([undefined, undefined, undefined]);
  });
});

import { describe, expect, it } from 'vitest';
import { backupFileName, restoredSummary } from './backup-name';

describe('backupFileName', () => {
  it('uses the local date, zero-padded', () => {
    expect(backupFileName(new Date(2025, 0, 7, 23, 59))).toBe('lectern-backup-2025-01-07.zip');
  });
});

describe('restoredSummary', () => {
  it('counts documents and highlights, and notebooks when there are any', () => {
    expect(restoredSummary({ documents: 5, annotations: 1 })).toBe('5 documents, 1 highlight');
    expect(restoredSummary({ documents: 1, annotations: 0, notebooks: 2 })).toBe('1 document, 0 highlights, 2 notebooks');
  });
});

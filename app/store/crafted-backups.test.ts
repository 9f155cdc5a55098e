import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { exportLibrary, importLibrary } from './backup';
import { dumpAll, fillLibrary } from './backup-fixtures';
import { CRAFTED_BACKUPS, type ValidBackups } from './crafted-backups';
import { exportLegacyBackup } from './legacy-export';
import { openTestDb, sampleDocument } from './test-support';
import { saveImportedDocument } from './documents-repo';

/** What Object.prototype looked like before any crafted file was read. */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const builtin = (name: string): unknown => Object.getOwnPropertyDescriptor(Object.prototype, name)?.value;
const HAS_OWN = builtin('hasOwnProperty');
const TO_STRING = builtin('toString');

let valid: ValidBackups;
let target: LecternDb;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  const source = await openTestDb();
  await fillLibrary(source, 12);
  valid = { archive: await exportLibrary(source), legacy: await exportLegacyBackup(source) };
  source.close();
  // The library a crafted file is restored over: different from the backup's, so any write shows.
  target = await openTestDb();
  await saveImportedDocument(target, sampleDocument('mine'), { original: new Uint8Array([4, 5, 6]) });
  await fillLibrary(target, 3);
  before = await dumpAll(target);
});
afterAll(() => target.close());

describe('crafted and hostile backups', () => {
  it('has at least 15 of them, and the valid backups they start from restore', async () => {
    expect(CRAFTED_BACKUPS.length).toBeGreaterThanOrEqual(15);
    for (const file of [valid.archive, valid.legacy]) {
      const db = await openTestDb();
      expect(await importLibrary(db, file, { mode: 'replace' })).toMatchObject({ ok: true });
      db.close();
    }
  });

  for (const crafted of CRAFTED_BACKUPS) {
    it(`${crafted.kind}: ${crafted.name} is refused with its cause; the library and Object.prototype are untouched`, async () => {
      const file = await crafted.make(valid);
      for (const mode of ['replace', 'merge'] as const) {
        const result = await importLibrary(target, file, { mode });
        expect(result.ok, mode).toBe(false);
        const error = result.ok ? '' : result.error;
        expect(error).toMatch(crafted.message);
        expect(error).toMatch(/nothing was changed/i);
        expect(error).not.toMatch(/\n\s+at |Error:/); // never a stack trace or a raw exception
      }
      expect(await dumpAll(target)).toEqual(before);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
      expect(builtin('hasOwnProperty')).toBe(HAS_OWN);
      expect(builtin('toString')).toBe(TO_STRING);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

import { describe, expect, it } from 'vitest';
import { LECTERN_METHODS, MENU_COMMANDS, channelFor, isLecternMethod, isMenuCommand } from './channels';
import { MAX_SAVE_BYTES, lecternArgSchemas, lecternResultSchemas } from './contract';

describe('the IPC contract', () => {
  it('has argument and result schemas for exactly the listed methods', () => {
    expect(Object.keys(lecternArgSchemas).sort()).toEqual([...LECTERN_METHODS].sort());
    expect(Object.keys(lecternResultSchemas).sort()).toEqual([...LECTERN_METHODS].sort());
  });

  it('gives every method its own prefixed channel', () => {
    const channels = LECTERN_METHODS.map(channelFor);
    expect(new Set(channels).size).toBe(LECTERN_METHODS.length);
    expect(channels.every((channel) => channel.startsWith('lectern:'))).toBe(true);
  });

  it('accepts well-formed arguments', () => {
    expect(lecternArgSchemas.saveFile.safeParse([{ defaultName: 'a.bib', data: 'x' }]).success).toBe(true);
    expect(lecternArgSchemas.saveFile.safeParse([{ defaultName: 'a.bin', data: new Uint8Array(2) }]).success).toBe(true);
    expect(lecternArgSchemas.openExternal.safeParse(['https://example.org']).success).toBe(true);
    expect(lecternArgSchemas.openFiles.safeParse([]).success).toBe(true);
    expect(lecternArgSchemas.openFiles.safeParse(['backup']).success).toBe(true);
    expect(lecternArgSchemas.openFiles.safeParse(['../etc']).success).toBe(false);
    expect(lecternArgSchemas.openFiles.safeParse(['documents', 'backup']).success).toBe(false);
  });

  it('rejects arguments of the wrong shape', () => {
    expect(lecternArgSchemas.saveFile.safeParse([{ defaultName: 'a\0b', data: 'x' }]).success).toBe(false);
    expect(lecternArgSchemas.saveFile.safeParse([{ defaultName: 'a', data: [1, 2] }]).success).toBe(false);
    expect(lecternArgSchemas.openExternal.safeParse(['x'.repeat(9000)]).success).toBe(false);
    expect(lecternArgSchemas.getAppInfo.safeParse([1]).success).toBe(false);
  });

  it('bounds what saveFile writes', () => {
    // A stand-in the size of a 2 GB array: the schema reads only its type and length.
    const huge = Object.defineProperty(Object.create(Uint8Array.prototype) as Uint8Array, 'byteLength', { value: 2 * MAX_SAVE_BYTES });
    const refused = lecternArgSchemas.saveFile.safeParse([{ defaultName: 'backup.zip', data: huge }]);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Lectern saves files of at most 1024 MB.');
    expect(lecternArgSchemas.saveFile.safeParse([{ defaultName: 'backup.zip', data: new Uint8Array(1024) }]).success).toBe(true);
  });

  it('recognises menu commands and method names only', () => {
    expect(MENU_COMMANDS.every(isMenuCommand)).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand(1)).toBe(false);
    expect(isLecternMethod('openFiles')).toBe(true);
    expect(isLecternMethod('constructor')).toBe(false);
  });
});

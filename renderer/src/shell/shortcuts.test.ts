import { describe, expect, it } from 'vitest';
import { commandForKey } from './shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandForKey', () => {
  it('maps the app shortcuts with Ctrl or Cmd', () => {
    expect(commandForKey(key('o', { ctrlKey: true }))).toBe('import');
    expect(commandForKey(key('o', { metaKey: true }))).toBe('import');
    expect(commandForKey(key('e', { ctrlKey: true }))).toBe('export');
    expect(commandForKey(key('D', { ctrlKey: true, shiftKey: true }))).toBe('toggle-theme');
  });

  it('ignores plain keys and other combinations', () => {
    expect(commandForKey(key('o'))).toBeNull();
    expect(commandForKey(key('d', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('o', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(key('o', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});

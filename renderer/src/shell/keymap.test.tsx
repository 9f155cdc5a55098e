// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { describeCombination, describeKeys, isShortcut, KEYMAP, parseCombination, plainKey, SCOPE_TITLES, whichShortcut } from './keymap';
import { ShortcutHelp } from './ShortcutHelp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ ...plainKey(key), ...mods });

/** One combination as the keyboard sees it: a letter in either case is one key, Shift does not alter a sign. */
function identity(text: string): string {
  const { key, mod, shift, alt } = parseCombination(text);
  const letter = /^[a-z]$/i.test(key);
  const sign = key.length === 1 && key !== ' ' && !letter;
  return [mod, alt, sign ? '*' : shift, letter ? key.toLowerCase() : key].join('|');
}

describe('the keymap', () => {
  it('gives every shortcut a unique id, a label and at least one combination', () => {
    expect(new Set(KEYMAP.map((binding) => binding.id)).size).toBe(KEYMAP.length);
    for (const binding of KEYMAP) {
      expect(binding.label.trim(), binding.id).not.toBe('');
      expect(binding.keys.length, binding.id).toBeGreaterThan(0);
    }
  });

  it('never gives two shortcuts of one place the same keys', () => {
    const seen = new Map<string, string>();
    for (const binding of KEYMAP) {
      for (const combination of binding.keys) {
        const slot = `${binding.scope}:${identity(combination)}`;
        expect(seen.get(slot), `${binding.id} and ${seen.get(slot)} share ${combination}`).toBeUndefined();
        seen.set(slot, binding.id);
      }
    }
  });

  it('matches events: Mod is Ctrl or Cmd, letters in either case, Shift exactly for letters and named keys', () => {
    expect(isShortcut('import', press('o', { ctrlKey: true }))).toBe(true);
    expect(isShortcut('import', press('O', { metaKey: true }))).toBe(true);
    expect(isShortcut('import', press('o'))).toBe(false);
    expect(isShortcut('import', press('o', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isShortcut('import', press('o', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isShortcut('highlight-copy', press('C', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isShortcut('find-next', press('Enter'))).toBe(true);
    expect(isShortcut('find-next', press('Enter', { shiftKey: true }))).toBe(false);
    expect(whichShortcut(['find-highlight', 'find-next', 'find-previous'], press('Enter', { shiftKey: true }))).toBe('find-previous');
    expect(whichShortcut(['find-highlight', 'find-next', 'find-previous'], press('Enter', { metaKey: true }))).toBe('find-highlight');
    expect(whichShortcut(['citation-open', 'citation-open-beside'], press(' ', { shiftKey: true }))).toBe('citation-open-beside');
  });

  it('lets a sign or a digit ignore Shift, which the sign already says', () => {
    expect(isShortcut('help', press('?', { shiftKey: true }))).toBe(true);
    expect(isShortcut('help', press('?', { ctrlKey: true }))).toBe(false);
    expect(isShortcut('pdf-zoom-in', press('+', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isShortcut('pdf-zoom-in', press('=', { ctrlKey: true }))).toBe(true);
    expect(isShortcut('pdf-zoom-in', press('=', {}))).toBe(false);
    expect(whichShortcut(['color-yellow', 'color-green'], press('H', { shiftKey: true }))).toBe('color-yellow');
    expect(whichShortcut(['color-yellow', 'color-green'], press('2'))).toBe('color-green');
  });

  it('writes combinations as the help shows them', () => {
    expect(describeCombination('Mod+Shift+C')).toBe('Ctrl+Shift+C');
    expect(describeCombination('Mod++')).toBe('Ctrl++');
    expect(describeCombination('Escape')).toBe('Esc');
    expect(describeCombination('Shift+Space')).toBe('Shift+Space');
    expect(describeKeys(KEYMAP.find((binding) => binding.id === 'search')!)).toBe('Ctrl+K or /');
    expect(describeKeys(KEYMAP.find((binding) => binding.id === 'color-yellow')!)).toBe('1 or H');
  });
});

describe('the ? help', () => {
  it('lists exactly the keymap: every shortcut once, with its keys and label, under the place it works', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<ShortcutHelp onClose={() => undefined} />));
    try {
      const rows = [...document.querySelectorAll<HTMLElement>('.shortcut-row')];
      expect(rows.map((row) => row.dataset.shortcut)).toEqual(KEYMAP.map((binding) => binding.id).sort((a, b) => order(a) - order(b)));
      for (const binding of KEYMAP) {
        const row = rows.find((candidate) => candidate.dataset.shortcut === binding.id)!;
        expect(row.querySelector('kbd')!.textContent).toBe(describeKeys(binding));
        expect(row.querySelector('dd')!.textContent).toBe(binding.label);
        expect(row.closest('.shortcut-group')!.querySelector('h3')!.textContent).toBe(SCOPE_TITLES[binding.scope]);
      }
    } finally {
      act(() => root.unmount());
      host.remove();
    }
  });
});

/** The help shows the places in SCOPE_TITLES' order, and each place's shortcuts in keymap order. */
function order(id: string): number {
  const binding = KEYMAP.findIndex((candidate) => candidate.id === id);
  return Object.keys(SCOPE_TITLES).indexOf(KEYMAP[binding]!.scope) * 1000 + binding;
}

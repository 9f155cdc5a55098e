import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDialogOptions } from './about';
import { buildMenuTemplate, type MenuActions } from './menu';

function build(overrides: Partial<MenuActions> = {}) {
  const actions: MenuActions = { send: vi.fn(), showAbout: vi.fn(), isDev: false, isMac: false, ...overrides };
  return { actions, template: buildMenuTemplate(actions) };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function byLabel(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((entry) => entry.label === label);
  if (!item) throw new Error(`no item ${label}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help menus', () => {
    const { template } = build();
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('sends import, export and toggle-theme from their items and accelerators', () => {
    const { template, actions } = build();
    const file = submenu(template, 'File');
    const view = submenu(template, 'View');
    const expected: Array<[MenuItemConstructorOptions, string, string]> = [
      [byLabel(file, 'Import…'), 'CmdOrCtrl+O', 'import'],
      [byLabel(file, 'Export…'), 'CmdOrCtrl+E', 'export'],
      [byLabel(view, 'Toggle Dark Mode'), 'CmdOrCtrl+Shift+D', 'toggle-theme'],
    ];
    for (const [item, accelerator, command] of expected) {
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(actions.send).toHaveBeenLastCalledWith(command);
    }
    expect(actions.send).toHaveBeenCalledTimes(3);
    expect(file.at(-1)).toEqual({ role: 'quit' });
  });

  it('sends backup and restore from the File menu', () => {
    const { template, actions } = build();
    const file = submenu(template, 'File');
    click(byLabel(file, 'Back up library…'));
    expect(actions.send).toHaveBeenLastCalledWith('backup');
    click(byLabel(file, 'Restore library…'));
    expect(actions.send).toHaveBeenLastCalledWith('restore');
    expect(actions.send).toHaveBeenCalledTimes(2);
  });

  it('uses the standard edit roles and zoom roles', () => {
    const { template } = build();
    const editRoles = submenu(template, 'Edit').flatMap((item) => (item.role ? [item.role] : []));
    expect(editRoles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    const viewRoles = submenu(template, 'View').flatMap((item) => (item.role ? [item.role] : []));
    expect(viewRoles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) => submenu(build({ isDev }).template, 'View').map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('shows the native About dialog from Help', () => {
    const { template, actions } = build();
    click(byLabel(submenu(template, 'Help'), 'About Lectern'));
    expect(actions.showAbout).toHaveBeenCalledOnce();
    expect(actions.send).not.toHaveBeenCalled();
  });

  it('adds the macOS app menu with Quit there', () => {
    const { template } = build({ isMac: true });
    expect(template[0]?.label).toBe('Lectern');
    expect(submenu(template, 'Lectern').map((item) => item.role)).toContain('quit');
    expect(submenu(template, 'File').at(-1)).toEqual({ role: 'close' });
  });
});

describe('aboutDialogOptions', () => {
  it('names the app and its version', () => {
    const options = aboutDialogOptions({ name: 'Lectern', version: '0.1.0', platform: 'linux' });
    expect(options).toMatchObject({ type: 'info', title: 'About Lectern', message: 'Lectern' });
    expect(options.detail).toContain('Version 0.1.0');
  });
});

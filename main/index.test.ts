import { beforeEach, describe, expect, it, vi } from 'vitest';

// Only the lifecycle wiring is checked here; each piece it wires has its own tests.
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  return {
    calls,
    lock: true,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(() => void calls.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn((): boolean => {
        calls.push('requestSingleInstanceLock');
        return electron.lock;
      }),
      quit: vi.fn(() => void calls.push('quit')),
      on: vi.fn((_event: string, _listener: () => void) => undefined),
      whenReady: vi.fn(() => {
        calls.push('whenReady');
        return new Promise<void>(() => undefined);
      }),
      getVersion: () => '0.1.0',
    },
  };
});

vi.mock('electron', () => ({
  ...electron,
  BrowserWindow: class {},
  Menu: {},
  dialog: {},
  ipcMain: {},
  shell: {},
}));

beforeEach(() => {
  vi.resetModules();
  electron.calls.length = 0;
  vi.clearAllMocks();
});

describe('main process entry', () => {
  it('registers lectern:// as a privileged scheme before waiting for ready', async () => {
    electron.lock = true;
    await import('./index');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'lectern', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    expect(electron.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(electron.calls.indexOf('whenReady'));
    expect(electron.calls).toContain('enableSandbox');
    expect(electron.app.on.mock.calls.map(([event]) => event)).toEqual(
      expect.arrayContaining(['second-instance', 'window-all-closed', 'activate']),
    );
  });

  it('quits when another instance already holds the lock', async () => {
    electron.lock = false;
    await import('./index');
    expect(electron.calls).toContain('quit');
    expect(electron.calls).not.toContain('whenReady');
  });
});

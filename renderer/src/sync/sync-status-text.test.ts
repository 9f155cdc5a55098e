import { describe, expect, it } from 'vitest';
import { statusText } from './sync-status-text';

describe('the sync status in words', () => {
  it('says every state in words with its own icon, never by colour alone', () => {
    const at = new Date(2026, 11, 6, 12, 4).getTime();
    const all = [
      statusText({ state: 'off' }),
      statusText({ state: 'connecting' }),
      statusText({ state: 'synced', at }),
      statusText({ state: 'syncing', pending: 3 }),
      statusText({ state: 'offline', pending: 3 }),
      statusText({ state: 'refused', message: 'The server refused the token.' }),
      statusText({ state: 'error', message: 'Sync could not start: disk full' }),
    ];
    expect(all.map((text) => text.words)).toEqual(['Sync off', 'Connecting…', expect.stringMatching(/^Synced 12[:.]04/), 'Syncing · 3', 'Offline · 3 wait', 'Token refused', 'Sync stopped']);
    expect(new Set(all.map((text) => text.icon)).size).toBeGreaterThanOrEqual(5);
    expect(statusText({ state: 'offline', pending: 0 }).words).toBe('Offline');
    expect(statusText({ state: 'offline', pending: 1 }).title).toContain('1 edit wait');
    // The server's sentence is shown as it is.
    expect(statusText({ state: 'refused', message: 'The server refused the token.' }).title).toContain('The server refused the token.');
    expect(statusText({ state: 'off' }).title).toMatch(/stays on this machine/);
  });
});

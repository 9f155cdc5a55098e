import type { SyncStatus } from '../../../app/sync/contract';

/** The status line's words and icon: said in words, never by colour alone. */
export interface StatusText {
  icon: string;
  /** Short, for the header: "Synced 12:04", "Offline · 3 wait", "Token refused". */
  words: string;
  /** What the indicator tells a screen reader and its tooltip: the words and what a click does. */
  title: string;
  tone: 'quiet' | 'good' | 'busy' | 'warn' | 'bad';
}

const clock = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
// Each count is of edits as the sync sends them (typing sends one per pause), not of highlights or notes.
const changes = (n: number) => `${n.toLocaleString('en')} edit${n === 1 ? '' : 's'}`;

/** The words for a status. */
export function statusText(status: SyncStatus): StatusText {
  switch (status.state) {
    case 'off':
      return { icon: '○', words: 'Sync off', title: 'Sync is off: everything stays on this machine. Set up sync…', tone: 'quiet' };
    case 'connecting':
      return { icon: '↻', words: 'Connecting…', title: 'Connecting to the sync server. Sync settings…', tone: 'busy' };
    case 'synced':
      return { icon: '✓', words: `Synced ${clock(status.at)}`, title: `Everything is on the sync server (since ${clock(status.at)}). Sync settings…`, tone: 'good' };
    case 'syncing':
      return { icon: '↻', words: `Syncing · ${status.pending.toLocaleString('en')}`, title: `Sending ${changes(status.pending)} to the sync server. Sync settings…`, tone: 'busy' };
    case 'offline':
      return status.pending > 0
        ? { icon: '⊘', words: `Offline · ${status.pending.toLocaleString('en')} wait`, title: `Offline: ${changes(status.pending)} wait on this machine and go when the server is back. Sync settings…`, tone: 'warn' }
        : { icon: '⊘', words: 'Offline', title: 'Offline: changes made now are kept here and go when the server is back. Sync settings…', tone: 'warn' };
    case 'refused':
      return { icon: '⚠', words: 'Token refused', title: `${status.message} Sync settings…`, tone: 'bad' };
    case 'error':
      return { icon: '⚠', words: 'Sync stopped', title: `${status.message} Sync settings…`, tone: 'bad' };
  }
}

/** Names and types of backup files. */

/** `lectern-backup-YYYY-MM-DD.zip`, by the local calendar date the student sees. */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `lectern-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.zip`;
}

/** "2 documents, 1 highlight": what a restore wrote, for the closing message. */
export function restoredSummary(written: Record<string, number>): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [plural(written.documents ?? 0, 'document'), plural(written.annotations ?? 0, 'highlight')];
  if (written.notebooks) parts.push(plural(written.notebooks, 'notebook'));
  return parts.join(', ');
}

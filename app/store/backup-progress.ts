/** Progress of a backup or restore. */
export interface BackupProgress {
  /**
   * 'checking': a restore reads and checks the file (done and total count its parts and files);
   * 'writing': rows are written, to the backup or to the library (done and total count rows).
   */
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

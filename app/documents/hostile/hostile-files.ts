/** Every file of the hostile corpus (see hostile-file.ts), by format. */
import { HOSTILE_ARCHIVES } from './hostile-archives';
import type { HostileFile } from './hostile-file';
import { HOSTILE_PDFS } from './hostile-pdf';
import { HOSTILE_TEXTS } from './hostile-text';

export type { CorpusTools, HostileExpectation, HostileFile } from './hostile-file';

export const HOSTILE_FILES: readonly HostileFile[] = [...HOSTILE_PDFS, ...HOSTILE_ARCHIVES, ...HOSTILE_TEXTS];

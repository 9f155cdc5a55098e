/// <reference lib="webworker" />
/**
 * The quote check, off the UI thread: reads the draft with the check's own reader, the library's
 * texts from the store (page maps and printed labels included), and looks every quotation up.
 * The last draft and library stay here, so picking another style only formats again.
 */
import { checkDraft } from '../../../app/check/check-draft';
import { withReferenceModel } from '../../../app/citations/default-parser';
import { draftFromText, readDraft } from '../../../app/check/read-draft';
import type { DraftText, LibraryText } from '../../../app/check/report';
import { openLecternDb } from '../../../app/store/db';
import { describeStorageError } from '../../../app/store/documents-repo';
import { loadExport } from '../citations/styles';
import { openChannel } from '../workers/channel';
import type { CheckWorkerProtocol } from './check-protocol';
import { draftProblem, pastedProblem } from './draft-limits';
import { readLibraryTexts } from './library-texts';

const db = openLecternDb();
let last: { draft: DraftText; library: LibraryText[] } | null = null;

const stopped = (signal: AbortSignal) => {
  if (signal.aborted) throw new Error('The check was stopped.');
};

openChannel<Record<never, never>, CheckWorkerProtocol>(self, {
  async check({ draft: input, style, again }, { signal, progress }) {
    let inputs = again ? last : null;
    if (!inputs) {
      progress({ phase: 'draft' });
      const problem = input.kind === 'file' ? draftProblem(input.fileName, input.bytes) : pastedProblem(input.text);
      if (problem) throw new Error(problem);
      let draft: DraftText;
      if (input.kind === 'file') {
        const read = await readDraft(input.fileName, input.bytes);
        if (!read.ok) throw new Error(read.error);
        draft = read.value;
        if (draft.text.trim() === '') throw new Error(`“${input.fileName}” has no text to check.`);
      } else draft = draftFromText(input.text);
      stopped(signal);
      let library: LibraryText[];
      try {
        library = await readLibraryTexts(db, { signal, onProgress: (done, total) => progress({ phase: 'sources', done, total }) });
      } catch (error) {
        stopped(signal);
        throw new Error(describeStorageError(error), { cause: error });
      }
      inputs = { draft, library };
    }
    stopped(signal);
    progress({ phase: 'quotes', sources: inputs.library.length });
    // The expected citations are formatted with the styles Lectern ships.
    await loadExport();
    // Reading the draft's reference list needs the reference model, fetched on first use.
    const checked = inputs;
    const report = await withReferenceModel(() => checkDraft(checked.draft, checked.library, { style }));
    last = inputs;
    return report;
  },
});

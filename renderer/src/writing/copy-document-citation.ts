/**
 * The library row's "Copy citation": a document cited as a whole work for pandoc, LaTeX or in
 * the chosen style, under its stored key. Loaded when first used, with the styles.
 */
import type { CiteTool } from '../../../app/writing/cite-as';
import { readCitationStyle } from '../citations/citation-style';
import type { Services } from '../services/services';
import { copyCitation } from './cite-target';
import { setCiteTool } from './cite-settings';

/** Copies document `docId` as a citation for `tool` and says what was copied. */
export async function copyDocumentCitation(services: Services, docId: string, tool: CiteTool): Promise<void> {
  setCiteTool(tool);
  const result = await copyCitation(services.database, { kind: 'work', owner: `doc:${docId}` }, { tool, style: readCitationStyle() });
  if (result.ok) services.notices.info(`Copied: ${result.value}`);
  else services.notices.error(result.error);
}

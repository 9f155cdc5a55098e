/**
 * What the Check view refuses before reading a draft: a file too large to be a paper, an empty
 * one, a binary one dressed as text. Each answer is a sentence the student can act on.
 */

/** A draft larger than this is not a paper (a thesis in .docx with figures is a few MB). */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

/** A pasted passage longer than this many characters is not a passage. */
export const MAX_PASTED_CHARACTERS = 2_000_000;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** True when the bytes look like a binary file rather than text: NUL bytes near the start. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let nul = 0;
  for (const byte of head) if (byte === 0) nul += 1;
  // UTF-16 text has NULs in every other byte, but it starts with a byte order mark.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return nul > 0 && !utf16;
}

/** Why `bytes` cannot be checked as the draft `fileName`, or null when it can be read. */
export function draftProblem(fileName: string, bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return `“${fileName}” is empty: there is nothing to check.`;
  if (bytes.byteLength > MAX_DRAFT_BYTES) return `“${fileName}” is ${megabytes(bytes.byteLength)}: Lectern checks drafts of up to ${megabytes(MAX_DRAFT_BYTES)}.`;
  const docx = /\.docx$/i.test(fileName);
  if (!docx && looksBinary(bytes)) return `“${fileName}” is not a text file: open the draft as .txt, .md or .docx.`;
  return null;
}

/** Why a pasted passage cannot be checked, or null. */
export function pastedProblem(text: string): string | null {
  if (text.trim() === '') return 'Paste a passage with its quotations first.';
  if (text.length > MAX_PASTED_CHARACTERS) return 'The pasted text is too long to check as a passage: save it as a file and open it with “Open draft…”.';
  return null;
}

import { decodeText } from './decode';
import type { FormatImporter, FormatReading } from './format-importer';
import { parseMarkdown } from './markdown';
import { MAX_MARKDOWN_DEPTH } from './markdown-nesting';
import { parsePlainText } from './plain-text';

/** Plain text: decoded, hard wrapping reflowed. */
export const plainTextImporter: FormatImporter = {
  format: 'txt',
  extensions: ['.txt', '.text'],
  read(fileName, _name, bytes) {
    const decoded = decodeText(fileName, bytes);
    if (!decoded.ok) return Promise.resolve(decoded);
    return Promise.resolve({
      ok: true,
      value: { drafts: parsePlainText(decoded.value.text).drafts, stated: {}, encoding: decoded.value.encoding, titleFromText: true },
    });
  },
};

/** Markdown: a level-1 heading at the top states the title, unless front matter already did. */
export const markdownImporter: FormatImporter = {
  format: 'md',
  extensions: ['.md', '.markdown'],
  read(fileName, name, bytes) {
    const decoded = decodeText(fileName, bytes);
    if (!decoded.ok) return Promise.resolve(decoded);
    const { drafts, stated, simplified } = parseMarkdown(decoded.value.text);
    const first = drafts[0];
    if (!stated.title && first?.kind === 'heading' && first.level === 1) stated.title = first.text;
    const reading: FormatReading = { drafts, stated, encoding: decoded.value.encoding };
    if (simplified === 'flattened') {
      reading.warning = `${name} nests lists or quotes more than ${MAX_MARKDOWN_DEPTH} levels deep; Lectern read the deeper levels at level ${MAX_MARKDOWN_DEPTH} (their words are all kept).`;
    } else if (simplified === 'plain') {
      reading.warning = `${name} could not be read as Markdown (its formatting nests too deeply, or a line runs too long, for the parser); Lectern imported its text as plain text (its words are all kept).`;
    }
    return Promise.resolve({ ok: true, value: reading });
  },
};

import { decodeText } from './decode';
import type { FormatImporter } from './format-importer';
import { parseMarkdown } from './markdown';
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
  read(fileName, _name, bytes) {
    const decoded = decodeText(fileName, bytes);
    if (!decoded.ok) return Promise.resolve(decoded);
    const { drafts, stated } = parseMarkdown(decoded.value.text);
    const first = drafts[0];
    if (!stated.title && first?.kind === 'heading' && first.level === 1) stated.title = first.text;
    return Promise.resolve({ ok: true, value: { drafts, stated, encoding: decoded.value.encoding } });
  },
};

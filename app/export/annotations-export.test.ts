import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../anchoring/describe';
import { importFile } from '../documents/import';
import { paragraphLocator } from '../documents/locator';
import type { ParsedDocument } from '../documents/model';
import { annotationsToMarkdown, colorTag, lecternLink, type ExportedAnnotation } from './annotations-markdown';
import { useShippedStylesOffline } from './seed-works.fixture';
import { ANNO_CONTEXT, annotationsToWebAnnotations } from './web-annotation';

useShippedStylesOffline();

let doc: ParsedDocument;
let annotations: ExportedAnnotation[];

const BOLD_NOTE = {
  root: {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Ilana as ', format: 0 }, { type: 'text', text: 'the Other', format: 1 }] }],
  },
};

function highlight(id: string, phrase: string, color: string, note: { json: unknown; text: string } | null, createdAt: number): ExportedAnnotation {
  const start = doc.text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in seed 001`);
  const { quote, position } = describeRange(doc.text, start, start + phrase.length);
  return {
    id,
    selectors: [quote, position],
    color,
    noteJson: note?.json ?? null,
    noteText: note?.text ?? '',
    locator: paragraphLocator(doc.blocks, start),
    createdAt,
    updatedAt: createdAt + 1000,
  };
}

beforeAll(async () => {
  const read = await importFile('001_94063d3630a703df.txt', new Uint8Array(readFileSync(new URL('../../../shared/seeds/001_94063d3630a703df.txt', import.meta.url))));
  if (!read.ok) throw new Error(read.error);
  doc = read.value;
  // Made out of reading order, to check the export sorts them.
  annotations = [
    highlight('b', 'Ilana is presented as the Other on various levels', 'green', { json: BOLD_NOTE, text: 'Ilana as the Other' }, 2_000),
    highlight('a', 'co-authored by Artem Iarush and Balagov', 'yellow', null, 1_000),
  ];
});

const document = () => ({ id: doc.id, title: doc.metadata.title ?? '', metadata: doc.metadata });

describe('annotationsToMarkdown', () => {
  it('writes front matter, both quotes in reading order, tags, citations, the note and the bibliography (APA)', () => {
    const md = annotationsToMarkdown({ document: document(), annotations, style: 'apa', appLink: lecternLink });
    expect(md.startsWith('---\ntitle: "Kantemir Balagov: Closeness (Tesnota, 2017)"\nauthors:\n  - "Daria Ezerova"\nyear: 2018\ncitekey: ezerova2018kantemir\n')).toBe(true);
    expect(md).toContain('tags:\n  - lectern\n---\n\n# Kantemir Balagov: Closeness (Tesnota, 2017)');
    const first = md.indexOf('> co-authored by Artem Iarush and Balagov');
    const second = md.indexOf('> Ilana is presented as the Other on various levels');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(md).toMatch(/#highlight\/yellow · ¶ \d+ · \(Ezerova, 2018, para\. \d+\) · \[Open in Lectern\]\(lectern:\/\/app\/open\?doc=[0-9a-f]{64}&annotation=a\)/u);
    expect(md).toContain('#highlight/green');
    // Without the renderer's converter a note is written as its plain text (its rich text: renderer/src/notes/note-markdown.test.ts).
    expect(md).toContain('Ilana as the Other');
    const rich = annotationsToMarkdown({ document: document(), annotations, style: 'apa', noteMarkdown: (json) => (json === BOLD_NOTE ? 'Ilana as **the Other**' : '') });
    expect(rich).toContain('Ilana as **the Other**');
    expect(rich).not.toContain('Ilana as the Other');
    expect(md).toMatch(/## Bibliography\n\nEzerova, D\. \(2018\)\. \*Kantemir Balagov: Closeness \(Tesnota, 2017\)\*/u);
  });

  it('cites in the chosen style', () => {
    const chicago = annotationsToMarkdown({ document: document(), annotations, style: 'chicago' });
    expect(chicago).toMatch(/\(Ezerova 2018, para\. \d+\)/u);
    expect(chicago).toContain('## Bibliography\n\nEzerova, Daria. 2018.');
    expect(chicago).not.toContain('lectern://');
    const mla = annotationsToMarkdown({ document: document(), annotations, style: 'mla' });
    expect(mla).toMatch(/\(Ezerova, para\. \d+\)/u);
    expect(mla).toContain('## Bibliography\n\nEzerova, Daria. *Kantemir Balagov');
  });

  it('still exports when the style is missing, and says when there are no highlights', () => {
    const md = annotationsToMarkdown({ document: document(), annotations: [], style: 'no-such-style' });
    expect(md).toContain('*No highlights yet.*');
    expect(md).toContain('## Bibliography\n\nEzerova (2018). *Kantemir Balagov: Closeness (Tesnota, 2017)*.');
  });

  it('makes Obsidian tags of CSS colours', () => {
    expect(colorTag('#FFCC00')).toBe('#highlight/ffcc00');
    expect(colorTag('Yellow')).toBe('#highlight/yellow');
    expect(colorTag('')).toBe('#highlight');
  });
});

describe('annotationsToWebAnnotations', () => {
  it('gives a W3C collection whose annotations carry the stored selectors', () => {
    const json = JSON.parse(JSON.stringify(annotationsToWebAnnotations(document(), annotations, { base: 'lectern://app/doc/' }))) as Record<string, unknown> & {
      first: { type: string; items: Array<Record<string, unknown> & { body: unknown[]; target: { source: string; selector: unknown[] } }> };
    };
    expect(json['@context']).toBe(ANNO_CONTEXT);
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(2);
    expect(json.first.type).toBe('AnnotationPage');
    const [a, b] = json.first.items;
    for (const item of json.first.items) {
      for (const key of ['@context', 'id', 'type', 'motivation', 'created', 'modified', 'body', 'target']) expect(item, key).toHaveProperty(key);
      expect(item.type).toBe('Annotation');
      expect(item.target.source).toBe(`lectern://app/doc/${doc.id}`);
    }
    expect(a?.target.selector).toEqual(annotations[1]?.selectors);
    expect(b?.target.selector).toEqual(annotations[0]?.selectors);
    expect(a?.motivation).toBe('highlighting');
    expect(a?.body).toEqual([{ type: 'TextualBody', value: 'yellow', purpose: 'tagging' }]);
    expect(b?.motivation).toBe('commenting');
    expect(b?.body).toContainEqual({ type: 'TextualBody', value: 'Ilana as the Other', format: 'text/plain', purpose: 'commenting' });
    expect(a?.created).toBe('1970-01-01T00:00:01.000Z');
    expect(new Set(json.first.items.map((i) => i.id)).size).toBe(2);
  });

  it('writes a PDF page as an RFC 3778 fragment selector', () => {
    const onPage: ExportedAnnotation = { id: 'p', selectors: [{ type: 'PageSelector', page: 4, rects: [{ x: 1, y: 2, width: 3, height: 4 }] }], color: 'blue', noteJson: null, noteText: '' };
    const json = annotationsToWebAnnotations({ id: 'd', title: 'T' }, [onPage], { base: 'https://example.org/' });
    expect(json.first.items[0]?.target.selector).toEqual([{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=4' }]);
  });
});

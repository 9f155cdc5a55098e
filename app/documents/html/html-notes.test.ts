import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import type { ParsedDocument } from '../model';
import { nodeImportContext } from './sanitize-node';

const node = nodeImportContext();

async function importHtml(html: string): Promise<ParsedDocument> {
  const result = await importFile('notes.html', new TextEncoder().encode(html), node);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Each footnote as [marker text, note text]. */
function linked(doc: ParsedDocument): [string, string][] {
  return (doc.footnotes ?? []).map((f) => [doc.text.slice(f.markerStart, f.markerEnd), doc.text.slice(f.noteStart, f.noteEnd)]);
}

describe('HTML import: footnotes', () => {
  it('links numbered markers to a list of notes and drops the notes’ back links', async () => {
    const doc = await importHtml(`<body><main>
      <p>Reading is social.<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup> So is writing.<sup id="cite_ref-2"><a href="#cite_note-2">[2]</a></sup></p>
      <h2>References</h2>
      <ol class="references">
        <li id="cite_note-1"><a href="#cite_ref-1">^</a> Smith, <i>Reading</i> (2001).</li>
        <li id="cite_note-2"><a href="#cite_ref-2">^</a> Jones 2005.</li>
      </ol></main></body>`);
    expect(linked(doc)).toEqual([
      ['[1]', '1. Smith, Reading (2001).'],
      ['[2]', '2. Jones 2005.'],
    ]);
    expect(doc.text).not.toContain('^');
    expect(doc.text).not.toContain('Notes');
    const note = doc.blocks.find((b) => doc.text.slice(b.start, b.end).startsWith('1.'));
    expect(note?.marks?.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Reading']);
  });

  it('moves EPUB-style aside footnotes after the text, under a "Notes" heading, with bare markers bracketed', async () => {
    const doc = await importHtml(`<body>
      <p>A claim<a epub:type="noteref" href="#n1" id="r1">1</a> and another.<a role="doc-noteref" href="#n2">2</a></p>
      <aside epub:type="footnote" id="n1" hidden="hidden"><p><a href="#r1">1.</a> First note.</p></aside>
      <p>The text goes on after the note.</p>
      <aside role="doc-footnote" id="n2"><p>Second note,</p><p>in two paragraphs.</p></aside>
    </body>`);
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual([
      'A claim[1] and another.[2]',
      'The text goes on after the note.',
      'Notes',
      '1. First note.',
      '2. Second note,\nin two paragraphs.',
    ]);
    expect(linked(doc)).toEqual([
      ['[1]', '1. First note.'],
      ['[2]', '2. Second note,\nin two paragraphs.'],
    ]);
  });

  it('keeps ordinary superscripts and in-page links as text', async () => {
    const doc = await importHtml(`<body><p>E = mc<sup>2</sup>, see <a href="#method">the method section</a>.</p><h2 id="method">Method</h2></body>`);
    expect(doc.footnotes).toBeUndefined();
    expect(doc.text).toContain('E = mc2, see the method section.');
  });
});

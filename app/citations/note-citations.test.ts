import { describe, expect, it } from 'vitest';
import { findDocumentCitations } from './document-citations';
import { lineBlocksOf } from './test-support';

/** The note citations of a text as [note text cited, entry it links to (by first word of the entry)]. */
function noteCitations(text: string): Array<[string, string]> {
  const found = findDocumentCitations({ id: 'd', text, blocks: lineBlocksOf(text) });
  const firstWord = new Map(found.references.map((r) => [r.id, r.raw.split(/[ ,]/u)[0] ?? '']));
  return found.citations.filter((c) => c.kind === 'note').map((c) => [c.text, c.referenceIds.map((id) => firstWord.get(id)).join(' ')]);
}

describe('citations in notes (notes and bibliography)', () => {
  it('reads full, short, Ibid. and name-only citations in Chicago endnotes and links them by author and title', () => {
    const text = [
      'Kinship on Screen',
      'The nation is imagined, as the classic account has it. Who imagines it remains open. Later critics disagreed. The question is old. Narration matters. So does meaning.',
      'Notes',
      '1. Benedict Anderson, Imagined Communities: Reflections on the Origin and Spread of Nationalism (London: Verso, 1983), 6.',
      '2. Ibid., 7.',
      '3. See Anderson, Imagined Communities, 141; and Laura Mulvey, “Visual Pleasure and Narrative Cinema,” Screen 16, no. 3 (1975): 11.',
      '4. The film was released in 2017 and won a prize at Cannes, as Mulvey noted in passing.',
      '5. Mulvey, 12.',
      '6. David Bordwell, Making Meaning (Cambridge, MA: Harvard University Press, 1989), 2; Bordwell, Narration in the Fiction Film, 48.',
      '7. Anderson’s imagined community is not a nation; see Bordwell, Making Meaning, 5; ibid., 6.',
      'Bibliography',
      'Anderson, Benedict. Imagined Communities: Reflections on the Origin and Spread of Nationalism. London: Verso, 1983.',
      'Bordwell, David. Making Meaning: Inference and Rhetoric in the Interpretation of Cinema. Cambridge, MA: Harvard University Press, 1989.',
      '———. Narration in the Fiction Film. Madison: University of Wisconsin Press, 1985.',
      'Mulvey, Laura. “Visual Pleasure and Narrative Cinema.” Screen 16, no. 3 (1975): 6–18.',
    ].join('\n');
    expect(noteCitations(text)).toEqual([
      ['Benedict Anderson, Imagined Communities: Reflections on the Origin and Spread of Nationalism (London: Verso, 1983), 6', 'Anderson'],
      ['Ibid., 7', 'Anderson'],
      ['Anderson, Imagined Communities, 141', 'Anderson'],
      ['Laura Mulvey, “Visual Pleasure and Narrative Cinema,” Screen 16, no. 3 (1975): 11', 'Mulvey'],
      ['Mulvey, 12', 'Mulvey'],
      ['David Bordwell, Making Meaning (Cambridge, MA: Harvard University Press, 1989), 2', 'Bordwell'],
      ['Bordwell, Narration in the Fiction Film, 48', '———.'],
      ['Bordwell, Making Meaning, 5', 'Bordwell'],
      ['ibid., 6', 'Bordwell'],
    ]);
  });

  it('reads German footnotes: Ebd., a. a. O., Ders. and a pointer to an earlier note', () => {
    const text = [
      'Kino und Gesellschaft',
      'Die Nation ist vorgestellt. Das bleibt offen. Der Film zeigt die Wirklichkeit. Früher war es anders. So weit die Theorie. Noch einmal.',
      '1 Benedict Anderson: Imagined Communities. London: Verso 1983, S. 6.',
      '2 Ebd., S. 7.',
      '3 Siegfried Kracauer: Theory of Film. New York: Oxford University Press 1960, S. 300.',
      '4 Ders.: From Caligari to Hitler. Princeton: Princeton University Press 1947, S. 7.',
      '5 Vgl. Anderson, a. a. O., S. 141.',
      '6 Kracauer, wie Anm. 3, S. 301.',
      'Literaturverzeichnis',
      'Anderson, Benedict: Imagined Communities. London: Verso, 1983.',
      'Kracauer, Siegfried: From Caligari to Hitler. A Psychological History of the German Film. Princeton: Princeton University Press, 1947.',
      'Kracauer, Siegfried: Theory of Film. The Redemption of Physical Reality. New York: Oxford University Press, 1960.',
    ].join('\n');
    const found = noteCitations(text);
    expect(found.map(([t]) => t)).toEqual([
      'Benedict Anderson: Imagined Communities. London: Verso 1983, S. 6',
      'Ebd., S. 7',
      'Siegfried Kracauer: Theory of Film. New York: Oxford University Press 1960, S. 300',
      'Ders.: From Caligari to Hitler. Princeton: Princeton University Press 1947, S. 7',
      'Anderson, a. a. O., S. 141',
      'Kracauer, wie Anm. 3, S. 301',
    ]);
    const ids = findDocumentCitations({ id: 'd', text, blocks: lineBlocksOf(text) });
    const years = ids.citations.filter((c) => c.kind === 'note').map((c) => ids.references.find((r) => r.id === c.referenceIds[0])?.csl.issued?.['date-parts']?.[0]?.[0]);
    expect(years).toEqual([1983, 1983, 1960, 1947, 1983, 1960]);
  });

  it('reads nothing in notes that never name a work by author and title', () => {
    const text = [
      'A study.',
      '1. Anderson, 7.',
      '2. Ibid., 8.',
      '3. Mulvey was right in 1975.',
      'Bibliography',
      'Anderson, Benedict. Imagined Communities. London: Verso, 1983.',
      'Mulvey, Laura. “Visual Pleasure and Narrative Cinema.” Screen 16, no. 3 (1975): 6–18.',
    ].join('\n');
    expect(noteCitations(text)).toEqual([]);
  });

  it('leaves an author-date citation in a footnote to the author-date finder', () => {
    const text = [
      'Films of exile turn the figure inside out.1',
      '1 On this see Anderson (1983) and Imagined Communities as a whole.',
      'References',
      'Anderson, Benedict (1983). Imagined Communities. London: Verso.',
    ].join('\n');
    const found = findDocumentCitations({ id: 'd', text, blocks: lineBlocksOf(text) });
    expect(found.citations.filter((c) => c.kind !== 'footnote').map((c) => [c.kind, c.text])).toEqual([['narrative', 'Anderson (1983)']]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReference, parseReferences } from './default-parser';
import { HOSTILE_REFERENCE_LINES } from './hostile-inputs';

describe('parseReference on common styles', () => {
  it('reads an APA journal article', () => {
    const item = parseReference(
      'Brischoux, F., Chakraborty, S., Brierley, D. I., & Ungless, M. A. (2009). Phasic excitation of dopamine neurons in ventral VTA by noxious stimuli. Proceedings of the National Academy of Sciences, 106(12), 4894–4899. https://doi.org/10.1073/pnas.0811507106',
    );
    expect(item.author?.map((a) => a.family)).toEqual(['Brischoux', 'Chakraborty', 'Brierley', 'Ungless']);
    expect(item.issued).toEqual({ 'date-parts': [[2009]] });
    expect(item.title).toBe('Phasic excitation of dopamine neurons in ventral VTA by noxious stimuli');
    expect(item['container-title']).toBe('Proceedings of the National Academy of Sciences');
    expect(item.volume).toBe('106');
    expect(item.issue).toBe('12');
    expect(item.page).toBe('4894–4899');
  });

  it('reads a Chicago book with place and publisher', () => {
    const item = parseReference('Bakhtin, Mikhail. 1984. Problems of Dostoevsky’s Poetics. Translated by Caryl Emerson. Minneapolis: University of Minnesota Press.');
    expect(item.author).toEqual([{ family: 'Bakhtin', given: 'Mikhail' }]);
    expect(item.title).toBe('Problems of Dostoevsky’s Poetics');
    expect(item.translator).toEqual([{ family: 'Emerson', given: 'Caryl' }]);
    expect(item['publisher-place']).toBe('Minneapolis');
    expect(item.publisher).toBe('University of Minnesota Press');
    expect(item.type).toBe('book');
  });

  it('reads a numbered Vancouver entry', () => {
    const item = parseReference('12. Saad ED, Buyse M. Overall survival: patient outcome or public health measure? J Clin Oncol. 2012;30(15):1750-4.');
    expect(item.author).toEqual([{ family: 'Saad', given: 'ED' }, { family: 'Buyse', given: 'M' }]);
    expect(item.issued).toEqual({ 'date-parts': [[2012]] });
    expect(item.volume).toBe('30');
    expect(item.page).toBe('1750-4');
  });

  it('keeps a blank line as an item so positions match', () => {
    const items = parseReferences(['Smith, J. (2001). A title. London: Verso.', '', '   ']);
    expect(items).toHaveLength(3);
    expect(items[1]).toEqual({ id: 'ref2', type: 'document' });
    expect(items[2]).toEqual({ id: 'ref3', type: 'document' });
  });

  it('gives duplicate keys a number', () => {
    const ids = parseReferences(['Smith, J. (2001). One. London: Verso.', 'Smith, J. (2001). Two. London: Verso.']).map((i) => i.id);
    expect(ids).toEqual(['smith2001', 'smith2001-2']);
  });
});

describe('parseReference on identifiers a line break cut', () => {
  it('keeps the DOI whole and out of the pages', () => {
    const item = parseReference('Zeileis, A. (2003). Testing and dating of structural changes in practice. Computational Statistics & Data Analysis, 44, 109–123. doi: 10.1016/s0167-9473(02) 00228-8');
    expect(item.DOI).toBe('10.1016/s0167-9473(02)00228-8');
    expect(item.page).toBe('109–123');
    const web = parseReference('Ooms J (2014). jsonlite: A smarter JSON encoder/decoder for R. URL http://github.com/jeroenooms/ jsonlite#readme.');
    expect(web.URL).toBe('http://github.com/jeroenooms/jsonlite#readme');
  });
});

describe('parseReference on hostile input', () => {
  // Correctness only: the time these take is measured in bench/hostile-input.bench.ts.
  for (const [name, line] of Object.entries(HOSTILE_REFERENCE_LINES)) {
    it(`parses a 100 kB line of ${name} into one item`, () => {
      const item = parseReference(line);
      expect(item.id).toBeTypeOf('string');
      expect(JSON.stringify(item).length).toBeLessThan(4 * line.length + 1_000);
    });
  }

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const item = parseReference(raw);
        expect(typeof item.id).toBe('string');
        expect(typeof item.type).toBe('string');
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('never throws on reference-like strings built from pieces', () => {
    const piece = fc.constantFrom('Smith, J.', '(1999)', '“Title.”', 'In', 'ed.', 'pp. 1–9', 'vol. 3', 'London:', '&', 'et al.', '———.', 'doi:10.1/x', 'n.d.', '30 May', ',', '.', '(', ')');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const items = parseReferences([pieces.join(' ')]);
        expect(items).toHaveLength(1);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

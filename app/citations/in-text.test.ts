import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_RUNNING_TEXTS } from './hostile-inputs';
import { findInTextCitations, type CitationContext } from './in-text';
import { foldName } from '../text/fold';

const noList: CitationContext = {};
function withAuthors(...families: string[]): CitationContext {
  const keys = new Set(families.map(foldName));
  return { isKnownAuthor: (name) => keys.has(foldName(name)) };
}

function texts(sentence: string, context: CitationContext = noList): string[] {
  return findInTextCitations(sentence, context).map((c) => c.text);
}

describe('parenthetical citations', () => {
  it('reads prefixes, locators and several works', () => {
    const [c] = findInTextCitations('As the director put it (see Balagov in Smolina 2017), the film is personal.', withAuthors('Smolina'));
    expect(c?.items).toEqual([{ names: ['Smolina'], year: 2017, prefix: 'see Balagov in' }]);

    const [y] = findInTextCitations('“the mother tongue” (Yuval-Davis 1997: 405). What started', withAuthors('Yuval-Davis'));
    expect(y).toMatchObject({ text: '(Yuval-Davis 1997: 405)', kind: 'parenthetical', locator: '405' });

    const [m] = findInTextCitations('Both claims hold (Smith 2019, p. 4; Jones and Lee 2020a).', noList);
    expect(m?.items).toEqual([
      { names: ['Smith'], year: 2019, locator: '4' },
      { names: ['Jones', 'Lee'], year: 2020, suffix: 'a' },
    ]);
    expect(m?.locator).toBe('4');
  });

  it('reads et al., repeated years and APA ampersands with page ranges', () => {
    const [e] = findInTextCitations('This is well known (Smith et al. 2019).');
    expect(e?.items).toEqual([{ names: ['Smith'], year: 2019, etAl: true }]);
    const [r] = findInTextCitations('Smith changed his mind (Smith 2019, 2020).');
    expect(r?.items.map((i) => i.year)).toEqual([2019, 2020]);
    const [a] = findInTextCitations('The effect is small (Smith & Jones, 2019, pp. 4–5).');
    expect(a).toMatchObject({ locator: '4–5', items: [{ names: ['Smith', 'Jones'], year: 2019, locator: '4–5' }] });
    const [c] = findInTextCitations('Cited widely (Smith, Jones, & Lee, 2018; van der Berg 2001, ch. 3).', withAuthors('Smith', 'van der Berg'));
    expect(c?.items).toEqual([
      { names: ['Smith', 'Jones', 'Lee'], year: 2018 },
      { names: ['van der Berg'], year: 2001, locator: 'ch. 3' },
    ]);
  });

  it('reads locator labels in German, French and Russian', () => {
    const [de] = findInTextCitations('So steht es (vgl. Bordwell 1985, Kap. 3; Koch 2010, S. 12–14).', withAuthors('Bordwell', 'Koch'));
    expect(de?.items.map((i) => i.locator)).toEqual(['Kap. 3', '12–14']);
    const [fr] = findInTextCitations('ce que le spectateur peut inférer (voir Bordwell 1985; 1989, chap. 3).', withAuthors('Bordwell'));
    expect(fr?.items).toEqual([
      { names: ['Bordwell'], year: 1985, prefix: 'voir' },
      { names: ['Bordwell'], year: 1989, locator: 'chap. 3' },
    ]);
    const [ru] = findInTextCitations('как писал он (Лотман 1973, с. 45).', withAuthors('Лотман'));
    expect(ru?.items).toEqual([{ names: ['Лотман'], year: 1973, locator: '45' }]);
  });

  it('takes names confirmed by the reference list, and plain "Name Year" shapes as unresolved candidates', () => {
    const known = withAuthors('Bykov');
    expect(texts('Are bringing Russia their awards” (Bykov 2017). Such was', known)).toEqual(['(Bykov 2017)']);
    expect(texts('Another study agrees (Petrov 2015).', known)).toEqual(['(Petrov 2015)']);
    expect(texts('Another study agrees (Petrov, 2015, a film).', known)).toEqual([]);
  });
});

describe('narrative citations', () => {
  it('reads names before a year in parentheses, possessives and pairs', () => {
    const known = withAuthors('Smith', 'Lee', 'Kuvshinova');
    expect(texts('Smith (2019) argues that the frame is tight.', known)).toEqual(['Smith (2019)']);
    expect(texts('In Smith’s (2019) view the frame is tight.', known)).toEqual(['Smith’s (2019)']);
    expect(texts('As Smith and Lee (2020, p. 7) show, it is.', known)).toEqual(['Smith and Lee (2020, p. 7)']);
    const [c] = findInTextCitations('Kuvshinova (2017a, 2017b) twice says so.', known);
    expect(c?.items).toEqual([
      { names: ['Kuvshinova'], year: 2017, suffix: 'a' },
      { names: ['Kuvshinova'], year: 2017, suffix: 'b' },
    ]);
  });

  it('needs et al. or a locator when there is no reference list', () => {
    expect(texts('Smith et al. (2019) found more.')).toEqual(['Smith et al. (2019)']);
    expect(texts('Smith (2019, p. 12) found more.')).toEqual(['Smith (2019, p. 12)']);
    expect(texts('Still from Closeness, dir. Kantemir Balagov (2017). Image: Youtube')).toEqual([]);
  });
});

describe('numeric citations', () => {
  const numbered: CitationContext = { numberedList: true, entryCount: 20 };
  it('reads numbers, ranges and lists in brackets where the list is numbered', () => {
    const [c] = findInTextCitations('as shown before [3–5, 8].', numbered);
    expect(c?.items.map((i) => i.number)).toEqual([3, 4, 5, 8]);
    expect(texts('as shown [12] and [3-5,8].', numbered)).toEqual(['[12]', '[3-5,8]']);
  });

  it('reads a prefix and a pin-point inside the brackets', () => {
    const found = findInTextCitations('who imagines [21, p. 405]; infer [see 5, 6, ch. 3]; exile [4, pp. 310–312]; Эйзенштейн [2, с. 112].', { numberedList: true, entryCount: 24 });
    expect(found.map((c) => [c.items.map((i) => i.number), c.locator])).toEqual([[[21], '405'], [[5, 6], '3'], [[4], '310–312'], [[2], '112']]);
    expect(found[1]?.items[0]?.prefix).toBe('see');
  });

  it('reads a bracket a double-spaced page broke after its comma, one block per line', () => {
    const found = findInTextCitations('the redemption of physical reality [35,\n\np. 300] and time [18,\n\n19].', { numberedList: true, entryCount: 52 });
    expect(found.map((c) => [c.items.map((i) => i.number), c.locator])).toEqual([[[35], '300'], [[18, 19], undefined]]);
  });

  it('reads no bracketed numbers where the list is not numbered or there is none (console output, indexes)', () => {
    const console = 'R> index(z)\n[1] "zooreg" "zoo"\nR> x[1]';
    expect(texts(console)).toEqual([]);
    expect(texts(console, withAuthors('Zeileis'))).toEqual([]);
    expect(texts(console, numbered)).toEqual([]);
    expect(texts('rownames(ps)[2] and ps[2,2] are printed;\n[3] "a" "b"', numbered)).toEqual([]);
    expect(texts('as shown\n[3] and in [4].', numbered)).toEqual(['[3]', '[4]']);
  });

  it('leaves out dates, reversed ranges and editorial brackets', () => {
    expect(texts('first shown [2017] in Cannes', numbered)).toEqual([]);
    expect(texts('see [5–3] and [...] and [ethnic] Russians')).toEqual([]);
    expect(texts('see [12]', { isKnownAuthor: () => false, numberedList: true, entryCount: 10 })).toEqual([]);
  });
});

describe('things that are not citations', () => {
  const traps = [
    'Closeness takes place in 2017 in Nalchik.',
    'Kantemir Balagov: Closeness (Tesnota, 2017)',
    'Aleksei Balabanov’s War (Voina, 2002): the latter re-enacts decapitations.',
    'haunting associations with Alan J. Pakula’ Sophie’s Choice (1982): the community',
    'Kechiche’s Venus Noire (2010): “They bring you”',
    'Abdellatif Kechiche’s Blue is the Warmest Color (La vie d’Adèle).',
    'her short film She is Waiting (Ona zhdet, 2014). Also set',
    'Issue 60 (2018)',
    'It premiered (May 2017) in Cannes, and (Since 2011) the school',
    'the award-winning director of Russian Ark (2002), widely considered',
    'Nalchik is the capital (pop. 240, 000).',
  ];
  it('finds nothing in film titles, dates and asides, with or without a list', () => {
    for (const trap of traps) {
      expect(texts(trap), trap).toEqual([]);
      expect(texts(trap, withAuthors('Bykov', 'Kuvshinova')), trap).toEqual([]);
    }
  });
});

describe('narrative citations after a capitalised word', () => {
  it('starts at the first author the list knows', () => {
    const [c] = findInTextCitations('as shown before. Recently, Merkle et al. (2014) extended it.', withAuthors('Merkle'));
    expect(c).toMatchObject({ text: 'Merkle et al. (2014)', kind: 'narrative' });
    expect(c?.items[0]?.names).toEqual(['Merkle']);
  });
});

describe('label citations', () => {
  const labels: CitationContext = { labels: new Set(['And83', 'Bor85', 'Bor89', 'Smi20a', 'Smi20b', 'R C21']) };
  it('reads labels of the list in brackets, with prefixes and locators', () => {
    const found = findInTextCitations('as argued [And83] and [see Bor85; Bor89, ch. 3], also [Smi20b; Smi20a] and [R C21].', labels);
    expect(found.map((c) => c.items.map((i) => i.label))).toEqual([['And83'], ['Bor85', 'Bor89'], ['Smi20b', 'Smi20a'], ['R C21']]);
    expect(found[1]?.items[1]?.locator).toBe('3');
  });

  it('reads no bracket whose label is not in the list, and none without a labelled list', () => {
    expect(texts('see [Xyz99] and [DS13]', labels)).toEqual([]);
    expect(texts('as argued [And83]')).toEqual([]);
  });
});

describe('parts with years only', () => {
  it('give the years to the authors before them', () => {
    const [c] = findInTextCitations('see (Meyers 2005; 1995) and', withAuthors('Meyers'));
    expect(c?.items.map((i) => [i.names, i.year])).toEqual([[['Meyers'], 2005], [['Meyers'], 1995]]);
    const [d] = findInTextCitations('as in (Pirumova 1977a; 1977b, 14).', withAuthors('Pirumova'));
    expect(d?.items.map((i) => [i.year, i.suffix, i.locator])).toEqual([[1977, 'a', undefined], [1977, 'b', '14']]);
  });

  it('read a long author list whole', () => {
    const [c] = findInTextCitations('(Sklyar, Murdoch, Smith, Eddelbuettel, François, Soetaert, and Ranke 2021)', withAuthors('Sklyar'));
    expect(c?.items[0]?.names).toHaveLength(7);
  });
});

describe('robustness', () => {
  // Correctness only: the time these take is measured in bench/hostile-input.bench.ts.
  it('keeps offsets in range on adversarial input', () => {
    for (const input of HOSTILE_RUNNING_TEXTS) {
      for (const context of [withAuthors('Smith'), noList]) {
        for (const c of findInTextCitations(input, context)) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(input.length);
        }
      }
    }
  });

  it('never throws and keeps offsets in range and in order', () => {
    const alphabet = fc.constantFrom(...'(Smith 2019; Lee & Kac, 2020a: p. 4–5) et al. [1-3,8] ’s and\nÉ'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')), fc.boolean(), (text, list) => {
        const found = findInTextCitations(text, list ? withAuthors('Smith', 'Lee') : noList);
        let last = 0;
        for (const c of found) {
          expect(c.start).toBeGreaterThanOrEqual(last);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(c.start, c.end)).toBe(c.text);
          last = c.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

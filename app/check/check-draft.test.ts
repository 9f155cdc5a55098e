import { beforeAll, describe, expect, it } from 'vitest';
import { registerShippedStyles } from '../export/styles-node';
import { checkDraft } from './check-draft';
import { draftFromText, readDraft } from './read-draft';
import type { CheckReport, LibraryText } from './report';
import { E2E_FILES, importForLibrary, seedLibrary } from './test-support';

// A student's draft on seed 001 (Ezerova's review of Closeness), written for this test: the
// paragraph numbers are those of the seed as Lectern imports it (the passage about motherhood is
// paragraph 10, the hostages 6, the "bold commentary" 11).
const DRAFT = [
  'Balagov and Gender',
  '',
  'Ezerova reads Closeness against the return of “the images of motherhood',
  'and family that presented the role of women almost exclusively … as that',
  'of “intergenerational transmitters of cultural traditions”” (Ezerova 2018,',
  'para. 10). She sees the heroine of the film in that light, and so do I.',
  '',
  'Its epilogue, she writes, “is a brave commentary on being the ultimate Other” (Ezerova 2018, para. 11). The review’s title, “Kantemir Balagov: Closeness (Tesnota, 2017)”, says little; its “subaltern” heroine says less.',
  '',
  'Critics agree that “the director deliberately abandons every convention of the Russian festival film” (Ezerova 2018, para. 3).',
  '',
  'In the synagogue “the community has to choose which of the two hostages they will rescue” (Ezerova 2018, para. 2). The interview makes the same point (Kuvshinova 2017), and Bykov (2017) mocked the festival.',
  '',
  'Bykov’s verse began: “The world has yet to see such triumphs.”',
  '',
  'Works Cited',
  '',
  'Bykov, Dmitrii. 2017. “Dve bedy: tesnota i nelubov’.” Sobesednik.ru. 30 May.',
  '',
  'Ezerova, Daria. 2018. “Kantemir Balagov: Closeness (Tesnota, 2017).” KinoKultura 60.',
  '',
  'Petrova, Anna. 2019. “Women in Recent Russian Cinema.” Slavic Review 78 (2): 12–30.',
  '',
].join('\n');

let library: LibraryText[];
let report: CheckReport;

beforeAll(async () => {
  const styles = await registerShippedStyles();
  if (!styles.ok) throw new Error(styles.error);
  library = await seedLibrary();
  const draft = await readDraft('balagov-draft.txt', new TextEncoder().encode(DRAFT));
  if (!draft.ok) throw new Error(draft.error);
  report = checkDraft(draft.value, library, { style: 'apa' });
}, 60_000);

function quoteStarting(words: string) {
  const found = report.quotes.find((q) => q.quote.text.replace(/\s+/gu, ' ').startsWith(words));
  if (!found) throw new Error(`no quotation starting “${words}” in ${JSON.stringify(report.quotes.map((q) => q.quote.text))}`);
  return found;
}

describe('checkDraft on a draft made from seed 001', () => {
  it('finds the five quotations and skips the quoted title and the scare quote', () => {
    expect(report.quotes.map((q) => q.quote.text.replace(/\s+/gu, ' ').slice(0, 24))).toEqual([
      'the images of motherhood',
      'is a brave commentary on',
      'the director deliberatel',
      'the community has to cho',
      'The world has yet to see',
    ]);
    expect(report.summary).toMatchObject({ quotes: 5, verbatim: 3, differs: 1, notFound: 1, citationProblems: 2, citedNotListed: 1, listedNotCited: 1 });
    expect(report.sources).toBe(5);
  });

  it('reports the quotation with curly quotes, a line break and an ellipsis as verbatim, rightly cited', () => {
    const check = quoteStarting('the images of motherhood');
    expect(check.verdict).toBe('verbatim');
    expect(check.source?.title).toBe('Kantemir Balagov: Closeness (Tesnota, 2017)');
    expect(check.source?.locator).toEqual({ label: 'paragraph', value: 10 });
    expect(check.source?.text).toMatch(/^the images of motherhood .* cultural traditions$/su);
    expect(check.citation).toMatchObject({ problems: [], expected: '(Ezerova, 2018, para. 10)', found: { names: ['Ezerova'], year: '2018', locator: 'para. 10' } });
  });

  it('reports the altered quotation as differing, the diff naming the changed word', () => {
    const check = quoteStarting('is a brave');
    expect(check.verdict).toBe('differs');
    expect(check.diff).toEqual([
      { kind: 'same', text: 'is a' },
      { kind: 'removed', text: 'bold' },
      { kind: 'added', text: 'brave' },
      { kind: 'same', text: 'commentary on being the ultimate Other' },
    ]);
    expect(check.source?.locator).toEqual({ label: 'paragraph', value: 11 });
    expect(check.citation, JSON.stringify(check.citation)).toMatchObject({ problems: [] });
  });

  it('reports the quotation from nowhere as not found, with no source and no citation check', () => {
    const check = quoteStarting('the director');
    expect(check.verdict).toBe('not-found');
    expect(check.source).toBeUndefined();
    expect(check.citation).toBeUndefined();
  });

  it('reports the wrong paragraph and the missing citation', () => {
    const wrong = quoteStarting('the community');
    expect(wrong.verdict).toBe('verbatim');
    expect(wrong.citation).toMatchObject({ problems: ['wrong-page'], expected: '(Ezerova, 2018, para. 6)', found: { text: '(Ezerova 2018, para. 2)' } });
    const bare = quoteStarting('The world');
    expect(bare.verdict).toBe('verbatim');
    expect(bare.citation).toMatchObject({ problems: ['missing-citation'], expected: '(Ezerova, 2018, para. 5)' });
    expect(bare.citation?.found).toBeUndefined();
  });

  it('checks the draft’s citations against its own Works Cited', () => {
    expect(report.references.hasList).toBe(true);
    expect(report.references.citedNotListed.map((c) => c.text)).toEqual(['(Kuvshinova 2017)']);
    expect(report.references.listedNotCited.map((e) => e.raw)).toEqual(['Petrova, Anna. 2019. “Women in Recent Russian Cinema.” Slavic Review 78 (2): 12–30.']);
  });

  it('offers the expected citation in the chosen style', () => {
    const draft = draftFromText('As Ezerova puts it, “the community has to choose which of the two hostages they will rescue” (Ezerova 6).');
    const mla = checkDraft(draft, library, { style: 'mla' });
    expect(mla.style).toBe('mla');
    expect(mla.quotes[0]?.citation?.expected).toBe('(Ezerova, para. 6)');
    // MLA's bare "(Ezerova 6)" is read as the locator the source has: here its paragraph.
    expect(mla.quotes[0]?.citation?.problems).toEqual([]);
    const chicago = checkDraft(draft, library, { style: 'chicago' });
    expect(chicago.quotes[0]?.citation?.expected).toMatch(/^\(Ezerova 2018, (?:para\.|¶) 6\)$/u);
  });
});

describe('checkDraft on real PDFs with printed page labels', () => {
  let pdfs: LibraryText[];
  beforeAll(async () => {
    pdfs = [await importForLibrary(E2E_FILES + 'libcoin--libcoin.pdf'), await importForLibrary(E2E_FILES + 'multcomp--generalsiminf.pdf')];
  }, 120_000);

  it('cites a quotation from the libcoin vignette by its printed label, roman front matter included', () => {
    const draft = draftFromText(
      'The licence is plain: “libcoin is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY” (Hothorn 2021, p. ii). ' +
        'The test statistics start from “the variables Y and X from sample spaces Y and X may be measured at arbitrary scales” (Hothorn 2021, p. 3).',
    );
    const result = checkDraft(draft, pdfs);
    expect(result.quotes.map((q) => q.verdict)).toEqual(['verbatim', 'verbatim']);
    expect(result.quotes.map((q) => q.source?.locator)).toEqual([{ label: 'page', value: 'ii' }, { label: 'page', value: '1' }]);
    expect(result.quotes[0]?.citation?.problems).toEqual([]);
    expect(result.quotes[1]?.citation?.problems).toEqual(['wrong-page']);
    expect(result.quotes[1]?.citation?.expected).toBe('(Hothorn, 2021, p. 1)');
  });

  it('checks a right and a wrong page in the multcomp vignette (label 3 on the fifth page)', () => {
    const draft = draftFromText(
      'The limit is “used as the reference distribution when constructing the inference procedures” (Hothorn et al. 2023, p. 3). ' +
        'Later “the reference distribution when constructing the inference procedures” (Hothorn et al. 2023, p. 5) is said again. ' +
        'Once more, “the reference distribution when constructing the inference procedures” is named.',
    );
    const result = checkDraft(draft, pdfs);
    expect(result.quotes.map((q) => [q.verdict, q.source?.locator?.value])).toEqual([
      ['verbatim', '3'],
      ['verbatim', '3'],
      ['verbatim', '3'],
    ]);
    expect(result.quotes.map((q) => q.citation?.problems)).toEqual([[], ['wrong-page'], ['missing-citation']]);
    expect(result.quotes[1]?.citation?.expected).toBe('(Hothorn et al., 2023, p. 3)');
  });
});

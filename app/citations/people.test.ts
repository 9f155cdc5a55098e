import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../documents/import';
import { findDocumentCitations } from './document-citations';
import { buildPeopleIndex, type PeopleInput, type Person } from './people';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as { nameVariants: { groups: string[][] } };

let input: PeopleInput;
let people: Person[];

beforeAll(async () => {
  const documents: PeopleInput['documents'][number][] = [];
  const references: PeopleInput['references'][number][] = [];
  for (const name of readdirSync(SEEDS).sort()) {
    const read = await importFile(name, new Uint8Array(readFileSync(new URL(name, SEEDS))));
    if (!read.ok) throw new Error(read.error);
    const doc = read.value;
    documents.push({ id: name.slice(0, 3), title: doc.metadata.title ?? name, text: doc.text, metadata: doc.metadata });
    for (const reference of findDocumentCitations(doc).references) references.push({ docId: name.slice(0, 3), raw: reference.raw, csl: reference.csl });
  }
  input = { documents, references };
  people = buildPeopleIndex(input);
});

const holding = (spelling: string) => people.filter((p) => p.variants.includes(spelling));
const byFamily = (family: string) => people.filter((p) => p.variants.some((v) => v.endsWith(family)));

describe('buildPeopleIndex on the five seeds', () => {
  it('puts every spelling of each name-variant group that occurs in the texts into one person', () => {
    for (const group of expected.nameVariants.groups) {
      const present = group.filter((spelling) => input.documents.some((d) => d.text.includes(spelling)));
      expect(present.length, group.join(' / ')).toBeGreaterThan(0);
      const owners = new Set(present.flatMap((spelling) => holding(spelling).map((p) => p.key)));
      expect([...owners], group.join(' / ')).toHaveLength(1);
    }
  });

  it('keeps people with similar names apart', () => {
    for (const [a, b] of [
      ['Balagov', 'Balabanov'],
      ['Sokurov', 'Zvyagintsev'],
      ['Kuvshinova', 'Smolina'],
    ] as const) {
      const [first] = byFamily(a);
      const [second] = byFamily(b);
      expect(first, a).toBeDefined();
      expect(second, b).toBeDefined();
      expect(first?.key).not.toBe(second?.key);
    }
  });

  it('takes no places, festivals, organisations or film titles for people', () => {
    const names = people.map((p) => p.name);
    for (const phrase of ['North Caucasus', 'Cannes Film', 'Film Festival', 'Russian North', 'Calvert Journal', 'Sophie’s Choice', 'Kino Lorber', 'Saint Petersburg', 'Russian Ark', 'Closeness Balagov', 'Orlando Sentinel']) {
      expect(names, phrase).not.toContain(phrase);
    }
    expect(people.every((p) => p.variants.every((v) => /^\p{Lu}/u.test(v)))).toBe(true);
  });

  it('gives roles, preferred spellings and per-document counts', () => {
    const ezerova = holding('Daria Ezerova')[0];
    expect(ezerova?.roles).toEqual(['author', 'named']);
    expect(ezerova?.documents.map((d) => d.docId)).toEqual(['001']);
    const kuvshinova = holding('Maria Kuvshinova')[0];
    expect(kuvshinova?.name).toBe('Mariia Kuvshinova');
    expect(kuvshinova?.roles).toEqual(['cited', 'named']);
    expect(kuvshinova?.documents.map((d) => d.docId)).toEqual(['001', '004']);
    const sharp = byFamily('Sharp')[0];
    expect(sharp?.roles).toEqual(['cited']);
    const balagov = holding('Kantemir Balagov')[0];
    // Named in all five seeds, mostly as plain "Balagov".
    expect(balagov?.documents.map((d) => d.docId)).toEqual(['000', '001', '002', '003', '004']);
    expect(balagov?.documents.every((d) => d.count >= 5)).toBe(true);
  });

  it('reads a Russian genitive as the person it inflects', () => {
    expect(holding('Aleksandra Sokurova').map((p) => p.name)).toEqual([holding('Aleksandr Sokurov')[0]?.name]);
  });

  it('gives unique keys and sorts by family name', () => {
    expect(new Set(people.map((p) => p.key)).size).toBe(people.length);
    const families = people.map((p) => p.name.split(' ').at(-1) ?? '');
    expect(families).toEqual([...families].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare));
  });
});

describe('buildPeopleIndex', () => {
  it('does not let an initial join two people who share a family name', () => {
    const doc = { id: 'd', title: 'd', text: 'Mariia Kuvshinova and Mikhail Kuvshinov.', metadata: { id: 'd', type: 'document' } };
    const references = [
      { docId: 'd', raw: 'x', csl: { id: 'a', type: 'book', author: [{ family: 'Kuvshinova', given: 'M.' }] } },
      { docId: 'd', raw: 'y', csl: { id: 'b', type: 'book', author: [{ family: 'Kuvshinova', given: 'Mariia' }] } },
      { docId: 'd', raw: 'z', csl: { id: 'c', type: 'book', author: [{ family: 'Kuvshinova', given: 'Maria' }] } },
    ];
    const index = buildPeopleIndex({ documents: [doc], references });
    expect(index.map((p) => [p.name, p.variants.length])).toEqual([
      ['Mikhail Kuvshinov', 1],
      ['Mariia Kuvshinova', 3],
    ]);
  });
});

describe('buildPeopleIndex and common words', () => {
  const meta = (id: string, author?: { family: string; given: string }) => ({ id, type: 'article-journal', ...(author ? { author: [author] } : {}) });
  const review = { id: 'r', title: 'Review', text: 'Roger Moore liked the film. Moore said it was long.', metadata: meta('r', { family: 'Moore', given: 'Roger' }) };
  const econometrics = {
    id: 'e',
    title: 'Econometric Computing',
    text: 'More data helps. Capital flowed to the West after 1990. Newey and West (1987) give a robust estimator.',
    metadata: meta('e'),
  };
  const references = [{ docId: 'e', raw: 'Newey, W. K., & West, K. D. (1987). A simple covariance matrix. Econometrica, 55, 703–708.', csl: { id: 'nw', type: 'article-journal', author: [{ family: 'Newey', given: 'W. K.' }, { family: 'West', given: 'K. D.' }] } }];
  const index = () => buildPeopleIndex({ documents: [review, econometrics], references });

  it('takes no capitalised common word for a person’s family name', () => {
    const moore = index().find((p) => p.name === 'Roger Moore');
    expect(moore?.documents).toEqual([{ docId: 'r', count: 2 }]);
    const west = index().find((p) => p.name.endsWith('West'));
    // Cited there; "West" alone is a compass word, so "to the West" names no one.
    expect(west?.documents).toEqual([{ docId: 'e', count: 0 }]);
  });

  it('shows a real given name before a more frequent slip', () => {
    const cast = { id: 'c', title: 'Cast', text: 'Atrem Cipin plays the father. Atrem Cipin again. Atrem Cipin once more; Artem Tsypin in the credits.', metadata: meta('c') };
    const tsypin = buildPeopleIndex({ documents: [cast], references: [] }).find((p) => p.variants.includes('Atrem Cipin'));
    expect(tsypin?.name).toBe('Artem Tsypin');
  });
});

import { describe, expect, it } from 'vitest';
import { authorsLabel, formatName, issuedYear, toSummary } from './document-summary';
import { sampleDocument } from './test-support';

describe('authorsLabel', () => {
  it('formats family, given and literal names', () => {
    expect(authorsLabel({ id: 'x', type: 'book', author: [{ family: 'Ezerova', given: 'Daria' }] })).toBe('Ezerova, Daria');
    expect(authorsLabel({ id: 'x', type: 'book', author: [{ literal: 'World Health Organization' }] })).toBe('World Health Organization');
    expect(formatName({ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' })).toBe('van der Berg, Jan');
    expect(formatName({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' })).toBe('King, Martin Luther, Jr.');
    expect(formatName({ given: 'Plato' })).toBe('Plato');
    expect(formatName({})).toBeUndefined();
  });

  it('joins a few authors and shortens many', () => {
    const two = [{ family: 'Ezerova', given: 'Daria' }, { family: 'Okafor', given: 'Chidi' }];
    expect(authorsLabel({ id: 'x', type: 'book', author: two })).toBe('Ezerova, Daria; Okafor, Chidi');
    const four = [...two, { family: 'Lind', given: 'Ana' }, { family: 'Sato', given: 'Ken' }];
    expect(authorsLabel({ id: 'x', type: 'book', author: four })).toBe('Ezerova, Daria et al.');
  });

  it('falls back to editors, then to nothing', () => {
    expect(authorsLabel({ id: 'x', type: 'book', editor: [{ family: 'Lind', given: 'Ana' }] })).toBe('Lind, Ana (ed.)');
    expect(authorsLabel({ id: 'x', type: 'book', author: [] })).toBeUndefined();
  });
});

describe('issuedYear', () => {
  it('reads date-parts, then a year in a literal or raw date', () => {
    expect(issuedYear({ id: 'x', type: 'book', issued: { 'date-parts': [[1998, 4, 2]] } })).toBe(1998);
    expect(issuedYear({ id: 'x', type: 'book', issued: { literal: 'Spring 2004' } })).toBe(2004);
    expect(issuedYear({ id: 'x', type: 'book', issued: { raw: '2011-05' } })).toBe(2011);
    expect(issuedYear({ id: 'x', type: 'book', issued: { literal: 'n.d.' } })).toBeUndefined();
    expect(issuedYear({ id: 'x', type: 'book' })).toBeUndefined();
  });
});

describe('toSummary', () => {
  it('uses the file name when the document states no title', () => {
    const doc = sampleDocument('t', { metadata: { id: 't', type: 'book', title: '  ', author: [] }, encoding: undefined });
    const summary = toSummary(doc, 42);
    expect(summary).toMatchObject({ title: 'notes-t.md', addedAt: 42, updatedAt: 42 });
    for (const absent of ['encoding', 'year', 'authorsLabel']) expect(summary).not.toHaveProperty(absent);
  });
});

import { describe, expect, it } from 'vitest';
import { parseDateLine } from './date-line';
import { parsePersonName } from './person-name';

describe('parsePersonName', () => {
  it.each([
    ['Daria Ezerova', { given: 'Daria', family: 'Ezerova' }],
    ['Ezerova, Daria', { given: 'Daria', family: 'Ezerova' }],
    ['Nira Yuval-Davis', { given: 'Nira', family: 'Yuval-Davis' }],
    ['Joanne P. Sharp', { given: 'Joanne P.', family: 'Sharp' }],
    ['Dar’ia Zhovner', { given: 'Dar’ia', family: 'Zhovner' }],
    ['Ludwig van Beethoven', { given: 'Ludwig', family: 'Beethoven', 'non-dropping-particle': 'van' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
  ])('reads %s', (raw, name) => {
    expect(parsePersonName(raw)).toEqual(name);
  });

  it.each(['Read more', 'Works Cited', 'the director', 'Closeness', 'New East Digital Archive', 'Closeness Movie Details 🎥', 'J. Smith J.', 'All Favorite Movies', 'Universität Zürich', 'Université Paris Cité', 'Harvard Medical School'])(
    'refuses %s',
    (raw) => {
      expect(parsePersonName(raw)).toBeUndefined();
    },
  );
});

describe('parseDateLine', () => {
  it.each([
    ['9 August 2017', [2017, 8, 9]],
    ['August 9, 2017', [2017, 8, 9]],
    ['Posted on Aug. 9, 2017', [2017, 8, 9]],
    ['Published: 2017-08-09', [2017, 8, 9]],
    ['1st September 2018', [2018, 9, 1]],
  ])('reads %s', (line, parts) => {
    expect(parseDateLine(line)).toEqual({ 'date-parts': [parts] });
  });

  it.each(['31 February 2017', 'In August 2017 the film opened', 'Issue 60 (2018)', '2017'])('refuses %s', (line) => {
    expect(parseDateLine(line)).toBeUndefined();
  });
});

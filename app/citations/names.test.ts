import { describe, expect, it } from 'vitest';
import { parseNames, stripRoles } from './names';

describe('parseNames', () => {
  it('reads inverted names joined by "and"', () => {
    expect(parseNames('Sharp, Joanne P. and McDowell, Linda')).toEqual([
      { family: 'Sharp', given: 'Joanne P.' },
      { family: 'McDowell', given: 'Linda' },
    ]);
  });

  it('reads direct names after "edited by"', () => {
    expect(parseNames('edited by Joanne P. Sharp and Linda McDowell,')).toEqual([
      { family: 'Sharp', given: 'Joanne P.' },
      { family: 'McDowell', given: 'Linda' },
    ]);
  });

  it('reads APA lists with ampersand and initials', () => {
    expect(parseNames('Romero, C., Paunesku, D., & Dweck, C.')).toEqual([
      { family: 'Romero', given: 'C.' },
      { family: 'Paunesku', given: 'D.' },
      { family: 'Dweck', given: 'C.' },
    ]);
  });

  it('reads a first inverted name followed by direct ones', () => {
    expect(parseNames('Lee, L. L., W. E. Howard, and R. E. Marsh.')).toEqual([
      { family: 'Lee', given: 'L. L.' },
      { family: 'Howard', given: 'W. E.' },
      { family: 'Marsh', given: 'R. E.' },
    ]);
  });

  it('reads Vancouver names with bare initials and particles', () => {
    expect(parseNames('Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA.')).toEqual([
      { family: 'Pérez-Higueras', given: 'JJ' },
      { family: 'Arias', given: 'A' },
      { family: 'Macorra', 'non-dropping-particle': 'de la', given: 'JC' },
      { family: 'Peters', given: 'OA' },
    ]);
  });

  it('keeps hyphenated family names and particles in direct order', () => {
    expect(parseNames('Yuval-Davis, Nira.')).toEqual([{ family: 'Yuval-Davis', given: 'Nira' }]);
    expect(parseNames('A. Cau, R. Kuiper, and W.-P. de Roever.')).toEqual([
      { family: 'Cau', given: 'A.' },
      { family: 'Kuiper', given: 'R.' },
      { family: 'Roever', 'non-dropping-particle': 'de', given: 'W.-P.' },
    ]);
  });

  it('drops "et al." and role words', () => {
    expect(parseNames('Hisakata, Rumi, et al.')).toEqual([{ family: 'Hisakata', given: 'Rumi' }]);
    expect(parseNames('Bickman, L., & Ellis, H. (Eds.).')).toEqual([
      { family: 'Bickman', given: 'L.' },
      { family: 'Ellis', given: 'H.' },
    ]);
    expect(parseNames('Genesee, Fred.')).toEqual([{ family: 'Genesee', given: 'Fred' }]);
  });

  it('keeps corporate authors whole', () => {
    expect(parseNames('American Educational Research Association.')).toEqual([{ literal: 'American Educational Research Association' }]);
  });

  it('gives nothing for a ditto dash', () => {
    expect(parseNames('———.')).toEqual([]);
  });

  it('reads suffixes', () => {
    expect(parseNames('King, Martin Luther, Jr.')).toEqual([{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }]);
  });
});

describe('stripRoles', () => {
  it('removes cue words on both sides', () => {
    expect(stripRoles('In O. Card (Ed.),')).toBe('O. Card');
    expect(stripRoles('sous la dir. de Marc Ferro')).toBe('Marc Ferro');
    expect(stripRoles("sous la direction d'Anne Martin,")).toBe('Anne Martin');
    expect(stripRoles('Durand, P. (éd.).')).toBe('Durand, P.');
    expect(stripRoles('Durand, P. (Éds.)')).toBe('Durand, P.');
    expect(stripRoles('под ред. П. П. Петрова')).toBe('П. П. Петрова');
    expect(stripRoles('Петров П. П. (ред.)')).toBe('Петров П. П.');
    expect(stripRoles('a cura di Paolo Rossi')).toBe('Paolo Rossi');
    expect(stripRoles('hrsg. von Petra Lange')).toBe('Petra Lange');
    expect(stripRoles('translated by Caryl Emerson.')).toBe('Caryl Emerson.');
  });
});

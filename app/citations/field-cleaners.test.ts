import { describe, expect, it } from 'vitest';
import { cleanContainer, cleanPages, cleanPlain, joinBrokenIdentifiers, cleanTitle, extractDoi, extractIsbn, extractUrl, parseVolume } from './field-cleaners';

describe('cleanTitle', () => {
  it('strips every kind of wrapping quote and end punctuation', () => {
    expect(cleanTitle('“Gender and Nation (1993)”')).toBe('Gender and Nation (1993)');
    expect(cleanTitle('"Latent-Dynamic Models".')).toBe('Latent-Dynamic Models');
    expect(cleanTitle("'Three factors in language design',")).toBe('Three factors in language design');
    expect(cleanTitle('« Interazionismo strutturale »,')).toBe('Interazionismo strutturale');
    expect(cleanTitle("``Tunable superprism effect,''")).toBe('Tunable superprism effect');
    expect(cleanTitle('Brainology in the classroom.')).toBe('Brainology in the classroom');
  });

  it('handles mismatched pairs and keeps inner quotes and apostrophes', () => {
    expect(cleanTitle('‘“Tesnota”: Mariia Kuvshinova beseduet.”')).toBe('“Tesnota”: Mariia Kuvshinova beseduet');
    expect(cleanTitle('“Dve bedy: tesnota i nelubov’.”')).toBe('Dve bedy: tesnota i nelubov’');
    expect(cleanTitle('“Udush’e lubvi: fil’ma “Tesnota.”’')).toBe('Udush’e lubvi: fil’ma “Tesnota”');
  });

  it('keeps a question mark', () => {
    expect(cleanTitle('Is this a ban?')).toBe('Is this a ban?');
  });
});

describe('other fields', () => {
  it('cleans containers', () => {
    expect(cleanContainer('In: Handbook of labor economics,')).toBe('Handbook of labor economics');
    expect(cleanContainer('Sobesednik.ru.')).toBe('Sobesednik.ru');
    expect(cleanContainer('Proc. Natl. Acad. Sci.')).toBe('Proc. Natl. Acad. Sci.');
    expect(cleanContainer('// Искусство кино. —')).toBe('Искусство кино');
    expect(cleanContainer('// Вопросы экономики.')).toBe('Вопросы экономики');
  });

  it('cleans pages', () => {
    expect(cleanPages('pp. 1761–1800).')).toBe('1761–1800');
    expect(cleanPages('403–408.')).toBe('403–408');
    expect(cleanPages('p. 7 - 22')).toBe('7-22');
    expect(cleanPages('— С. 45–60.')).toBe('45–60');
    expect(cleanPages('с. 12')).toBe('12');
    expect(cleanPlain('— Москва:')).toBe('Москва');
    expect(cleanPlain('/ Наука,')).toBe('Наука');
  });

  it('splits volume and issue', () => {
    expect(parseVolume('Vol. 9,')).toEqual({ volume: '9' });
    expect(parseVolume('1(1),')).toEqual({ volume: '1', issue: '1' });
    expect(parseVolume('(Vol. 3, Part A,')).toEqual({ volume: '3' });
    expect(parseVolume('vol. 26, no. 14,')).toEqual({ volume: '26', issue: '14' });
    expect(parseVolume('14:')).toEqual({ volume: '14' });
    expect(parseVolume('Т. 58, № 3.')).toEqual({ volume: '58', issue: '3' });
    expect(parseVolume('— Вып. 4.')).toEqual({ issue: '4' });
  });

  it('pulls identifiers out of their prefixes', () => {
    expect(extractDoi('doi:10.1177/0269216309106790.')).toBe('10.1177/0269216309106790');
    expect(extractDoi('https://doi.org/10.1016/j.cub.2016.05.047')).toBe('10.1016/j.cub.2016.05.047');
    expect(extractUrl('Retrieved from http://www.example.org/a_(b).')).toBe('http://www.example.org/a_(b)');
    expect(extractIsbn('ISBN 978-0-12-374857-7.')).toBe('978-0-12-374857-7');
  });
});

describe('joinBrokenIdentifiers', () => {
  it('joins DOIs and addresses a line break cut in two', () => {
    expect(joinBrokenIdentifiers('Data Analysis, 44, 109–123. doi: 10.1016/s0167-9473(02) 00228-8')).toBe('Data Analysis, 44, 109–123. doi: 10.1016/s0167-9473(02)00228-8');
    expect(joinBrokenIdentifiers('15(3), 651–674. doi:10.1198/ 106186006X133933.')).toBe('15(3), 651–674. doi:10.1198/106186006X133933.');
    expect(joinBrokenIdentifiers('URL http://www.ecma-international.org/publications/files/ ECMA-ST/Ecma-262.pdf.')).toBe(
      'URL http://www.ecma-international.org/publications/files/ECMA-ST/Ecma-262.pdf.',
    );
    expect(joinBrokenIdentifiers('https://doi.org/10.1016/ S0167- 9473(02)00228-8')).toBe('https://doi.org/10.1016/S0167-9473(02)00228-8');
  });

  it('leaves whole addresses and the words after them alone', () => {
    for (const text of [
      'URL https://www.R-project.org/ Retrieved 12 May 2020.',
      'https://doi.org/10.1000/xyz. Accessed 2020.',
      'doi:10.1000/abc (2019), 12–14.',
      'Smith, J. (2019). A title. Journal, 4, 1-2.',
    ]) {
      expect(joinBrokenIdentifiers(text)).toBe(text);
    }
  });
});

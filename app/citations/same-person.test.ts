import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldName } from '../text/fold';
import { personKey, sameName, splitPerson } from './same-person';

const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  nameVariants: { groups: string[][] };
};
const groups = expected.nameVariants.groups;

describe('foldName', () => {
  it('merges the family names of every variant group in the seeds', () => {
    for (const group of groups) {
      const families = new Set(group.map((name) => splitPerson(name).family));
      expect([...families], group.join(' / ')).toHaveLength(1);
    }
  });

  it('gives one person key per group, and sameName holds for every pair', () => {
    for (const group of groups) {
      expect(new Set(group.map(personKey)).size, group.join(' / ')).toBe(1);
      for (const a of group) for (const b of group) expect(sameName(a, b), `${a} ~ ${b}`).toBe(true);
    }
  });

  it('folds full names to one key where only spelling systems differ', () => {
    expect(foldName('Dar’ia Zhovner')).toBe(foldName('Darya Zhovnar'));
    expect(foldName('Andrei Zviagintsev')).toBe(foldName('Andrey Zvyagintsev'));
    expect(foldName('Aleksandr Sokurov')).toBe(foldName('Alexander Sokurov'));
    expect(foldName('Mariia Kuvshinova')).toBe(foldName('Mariya Kuvšinova'));
    expect(foldName('Veniamin Kats')).toBe(foldName('Veniamin Kac'));
    expect(foldName('Artem Emel’ianov')).toBe(foldName('Artem Emelyanov'));
    expect(foldName('Dmitrii Bykov')).toBe(foldName('Dmitry Bykov'));
  });

  it('romanises Cyrillic and strips diacritics', () => {
    expect(foldName('Мария Кувшинова')).toBe(foldName('Mariia Kuvshinova'));
    expect(foldName('Андрей Звягинцев')).toBe(foldName('Andrei Zvyagintsev'));
    expect(foldName('Алёна')).toBe(foldName('Alena'));
    expect(foldName('Adèle Müller')).toBe('adele mulr');
    expect(foldName('Yuval-Davis')).toBe(foldName('Yuval Davis').replace(' ', ''));
  });

  it('keeps distinct people in the seeds apart', () => {
    const distinct = ['Kantemir Balagov', 'Aleksei Balabanov', 'Mariia Kuvshinova', 'Elena Smolina', 'Dmitrii Bykov', 'Nira Yuval-Davis', 'Andrei Zviagintsev', 'Aleksandr Sokurov', 'Artem Tsypin', 'Olga Dragunova', 'Nazir Zhukov', 'Aleksei Paderin', 'Lidia Krukova', 'Malika Musaeva', 'Kira Kovalenko'];
    expect(new Set(distinct.map(personKey)).size).toBe(distinct.length);
    expect(sameName('Balagov', 'Balabanov')).toBe(false);
    expect(sameName('Kuvshinova', 'Smolina')).toBe(false);
    expect(sameName('Ian Smith', 'Ivan Smith')).toBe(false);
  });

  it('reads "Family, Given" and matches initials and bare family names', () => {
    expect(sameName('Kuvshinova, Mariia', 'Maria Kuvshinova')).toBe(true);
    expect(sameName('Kuvshinova, M.', 'Maria Kuvshinova')).toBe(true);
    expect(sameName('Kuvshinova', 'Maria Kuvshinova')).toBe(true);
    expect(sameName('Kuvshinova, E.', 'Maria Kuvshinova')).toBe(false);
    expect(sameName('', '')).toBe(false);
  });
});

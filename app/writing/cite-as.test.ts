import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedWorksCited, useShippedStylesOffline } from '../export/seed-works.fixture';
import { citeAs, escapeLatex, quoteAs } from './cite-as';

useShippedStylesOffline();

const yuval = () => seedWorksCited().find((item) => item.id.startsWith('yuval'))!;

describe('citeAs', () => {
  it('cites a page for pandoc and for biblatex', () => {
    expect(citeAs('pandoc', 'smith2020theory', { label: 'page', value: '12' })).toBe('[@smith2020theory, p. 12]');
    expect(citeAs('latex', 'smith2020theory', { label: 'page', value: '12' })).toBe('\\autocite[12]{smith2020theory}');
  });

  it('cites a printed roman page as it is printed', () => {
    expect(citeAs('pandoc', 'hothorn2008libcoin', { label: 'page', value: 'ii' })).toBe('[@hothorn2008libcoin, p. ii]');
    expect(citeAs('latex', 'hothorn2008libcoin', { label: 'page', value: 'ii' })).toBe('\\autocite[ii]{hothorn2008libcoin}');
  });

  it('cites a paragraph with its term', () => {
    expect(citeAs('pandoc', 'ezerova2018girl', { label: 'paragraph', value: 4 })).toBe('[@ezerova2018girl, para. 4]');
    expect(citeAs('latex', 'ezerova2018girl', { label: 'paragraph', value: 4 })).toBe('\\autocite[para.~4]{ezerova2018girl}');
  });

  it('cites the whole work without a locator', () => {
    expect(citeAs('pandoc', 'bykov2017', null)).toBe('[@bykov2017]');
    expect(citeAs('latex', 'bykov2017', undefined)).toBe('\\autocite{bykov2017}');
    expect(citeAs('pandoc', 'bykov2017', { label: 'page', value: '  ' })).toBe('[@bykov2017]');
  });

  it('braces a pandoc key that ends in punctuation, and escapes what would break the brackets', () => {
    expect(citeAs('pandoc', 'smith2020.', null)).toBe('[@{smith2020.}]');
    expect(citeAs('pandoc', 'a:b_c-d', { label: 'page', value: '3]' })).toBe('[@a:b_c-d, p. 3\\]]');
    expect(citeAs('latex', 'k', { label: 'page', value: '10%' })).toBe('\\autocite[10\\%]{k}');
  });

  it('formats the style’s in-text citation with the locator’s label', () => {
    const item = yuval();
    expect(citeAs('formatted', 'yuvaldavis1997gender', { label: 'page', value: '45' }, { item, style: 'apa' })).toBe('(Yuval-Davis, 1997, p. 45)');
    expect(citeAs('formatted', 'yuvaldavis1997gender', { label: 'paragraph', value: 3 }, { item, style: 'apa' })).toBe('(Yuval-Davis, 1997, para. 3)');
    expect(citeAs('formatted', 'yuvaldavis1997gender', null, { item, style: 'chicago' })).toBe('(Yuval-Davis 1997)');
  });

  it('still cites, in the short form, when the style is unknown', () => {
    expect(citeAs('formatted', 'k', { label: 'page', value: '9' }, { item: yuval(), style: 'no-such-style' })).toBe('(Yuval-Davis 1997, p. 9)');
  });
});

describe('quoteAs', () => {
  it('puts the quote in typographic marks and the full stop after the citation', () => {
    expect(quoteAs('pandoc', 'The protagonist is a girl.', 'ezerova2018girl', { label: 'paragraph', value: 10 })).toBe('“The protagonist is a girl” [@ezerova2018girl, para. 10].');
    expect(quoteAs('latex', 'costs 5% & more', 'k', { label: 'page', value: '12' })).toBe('“costs 5\\% \\& more” \\autocite[12]{k}');
  });

  it('keeps a stray @ or bracket in the quote from becoming pandoc syntax', () => {
    expect(quoteAs('pandoc', 'mail @smith [sic]', 'k', null)).toBe('“mail \\@smith \\[sic\\]” [@k]');
  });

  it('gives pandoc a citation it resolves, with the locator, from a quote with syntax in it', () => {
    const bib = JSON.stringify([{ id: 'smith2020theory', type: 'book', title: 'Theory', author: [{ family: 'Smith', given: 'Ann' }], issued: { 'date-parts': [[2020]] } }]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lectern-cite-')), 'refs.json');
    writeFileSync(file, bib);
    const text = quoteAs('pandoc', 'a *star* and @smith.', 'smith2020theory', { label: 'page', value: 'ii' });
    const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'plain', '--citeproc', '--bibliography', file], { input: text, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/not found/i);
    expect(run.stdout).toContain('“a *star* and @smith” (Smith 2020, ii).');
  });
});

describe('escapeLatex', () => {
  it('escapes every character LaTeX would read as a command', () => {
    expect(escapeLatex('a_b {c} #1 $2 ~ ^ \\ [x]')).toBe('a\\_b \\{c\\} \\#1 \\$2 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} {[}x{]}');
  });
});

import { describe, expect, it } from 'vitest';
import { parseHtml } from './html-dom';
import { readHtmlMetadata } from './html-metadata';

const read = (head: string): ReturnType<typeof readHtmlMetadata> => readHtmlMetadata(parseHtml(`<html lang="en"><head>${head}</head><body></body></html>`));

describe('readHtmlMetadata', () => {
  it('reads Highwire citation_* tags as a journal article', () => {
    const { stated } = read(`
      <meta name="citation_title" content="Reading  in Pairs">
      <meta name="citation_author" content="Doe, Jane">
      <meta name="citation_author" content="Richard Roe">
      <meta name="citation_publication_date" content="2019/03/07">
      <meta name="citation_journal_title" content="Journal of Study">
      <meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
      <meta name="citation_firstpage" content="45"><meta name="citation_lastpage" content="67">
      <meta name="citation_doi" content="doi:10.1234/jos.2019.45">
      <meta name="citation_publisher" content="Study Press">
      <meta property="og:title" content="Not this one">
      <title>Not this either</title>`);
    expect(stated.title).toBe('Reading in Pairs');
    expect(stated.author).toEqual([{ family: 'Doe', given: 'Jane' }, { family: 'Roe', given: 'Richard' }]);
    expect(stated.issued).toEqual({ 'date-parts': [[2019, 3, 7]] });
    expect(stated.extra).toMatchObject({
      type: 'article-journal', 'container-title': 'Journal of Study', volume: '12', issue: '3', page: '45–67',
      DOI: '10.1234/jos.2019.45', publisher: 'Study Press', language: 'en',
    });
  });

  it('reads Dublin Core', () => {
    const { stated } = read(`<meta name="DC.title" content="Field Notes"><meta name="DC.creator" content="Ann Lee"><meta name="DC.date" content="2001-05">`);
    expect(stated).toMatchObject({ title: 'Field Notes', author: [{ family: 'Lee', given: 'Ann' }], issued: { 'date-parts': [[2001, 5]] } });
  });

  it('reads JSON-LD as data (with @graph), preferring the article over the page', () => {
    const { stated } = read(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","name":"Page name","url":"https://paper.example/x"},
        {"@type":"NewsArticle","headline":"Storm Hits Coast","author":[{"@type":"Person","name":"Maria Gomez"},{"@type":"Organization","name":"Reuters"}],
         "datePublished":"2023-10-02T08:15:00Z","publisher":{"@type":"Organization","name":"The Paper"},"isPartOf":{"name":"The Paper Online"}}]}</script>
      <script type="application/ld+json">{ this is not json </script>`);
    expect(stated.title).toBe('Storm Hits Coast');
    expect(stated.author).toEqual([{ family: 'Gomez', given: 'Maria' }, { literal: 'Reuters' }]);
    expect(stated.issued).toEqual({ 'date-parts': [[2023, 10, 2]] });
    expect(stated.extra).toMatchObject({ type: 'article-newspaper', publisher: 'The Paper', 'container-title': 'The Paper Online', URL: 'https://paper.example/x' });
  });

  it('reads Open Graph, ignores an author that is a profile URL, and trims the site name from <title>', () => {
    const og = read(`<meta property="og:site_name" content="The Atlantic"><meta property="og:title" content="Why We Read">
      <meta property="article:published_time" content="2020-01-15T10:00:00-05:00"><meta property="article:author" content="https://www.facebook.com/someone">`);
    expect(og.stated).toMatchObject({ title: 'Why We Read', issued: { 'date-parts': [[2020, 1, 15]] }, extra: { 'container-title': 'The Atlantic', type: 'webpage' } });
    expect(og.stated.author).toBeUndefined();
    const titled = read(`<meta property="og:site_name" content="The Atlantic"><title>Why We Read | The Atlantic</title>`);
    expect(titled.stated.title).toBe('Why We Read');
    expect(read(`<title>Why We Read | Somewhere Else</title>`).stated.title).toBe('Why We Read | Somewhere Else');
  });

  it('states nothing when the page states nothing', () => {
    expect(readHtmlMetadata(parseHtml('<p>hi</p>')).stated).toEqual({});
  });
});

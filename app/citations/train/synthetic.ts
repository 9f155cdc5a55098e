/**
 * Synthetic labelled references: known bibliographic items rendered through official CSL styles
 * by citeproc, so every segment's label is known. Text fields are wrapped in marker characters
 * before rendering (the style may quote, italicise, case or reorder them, the markers stay
 * around them); names, years and numbers are found afterwards by their known values, because
 * markers there would change what the style does (initials, plurals of "p."/"pp.", ranges).
 *
 * Items come from real .bib files; a share of them is moved into German, French or Russian
 * (people, titles, journals, publishers and places from small word lists) and rendered with
 * styles in that language, so that role words ("hrsg. von", "sous la dir. de", "под ред."),
 * GOST's "//" and "—" and localised page and volume labels are seen in training. Synthetic
 * references are only ever trained on; every figure is measured on real references.
 */
import { readFileSync } from 'node:fs';
import type { LabelledReference } from '../anystyle-xml';
import { addCiteprocLocale, addCiteprocStyle, renderBibliography } from '../../export/citation-js';
import type { CslItem, CslName } from '../../documents/model';
import { seededRandom } from '../perceptron';
import { segmentsOf, type Piece } from './grobid-tei';

const OPEN = '\u2983';
const MID = '\u2984';
const CLOSE = '\u2985';

/** Text fields wrapped in markers, with the training tag each becomes. */
const MARKED: Array<[keyof CslItem & string, (item: CslItem) => string]> = [
  ['title', () => 'title'],
  ['container-title', (item) => (/^article-(journal|magazine|newspaper)$/.test(item.type) ? 'journal' : 'container-title')],
  ['collection-title', () => 'collection-title'],
  ['publisher', () => 'publisher'],
  ['publisher-place', () => 'location'],
  ['edition', () => 'edition'],
  ['genre', () => 'genre'],
  ['DOI', () => 'doi'],
  ['URL', () => 'url'],
];

/** Fields kept when an item is rendered; the rest (notes, abstracts, access dates) are dropped. */
const KEPT = new Set(['id', 'type', 'author', 'editor', 'translator', 'issued', 'volume', 'issue', 'page', ...MARKED.map(([f]) => f)]);

interface Language {
  locale: string;
  families: string[];
  givens: string[];
  titles?: string[];
  journals?: string[];
  books?: string[];
  publishers?: string[];
  places?: string[];
}

const split = (text: string) => text.split('|').map((s) => s.trim()).filter(Boolean);

const LANGUAGES: Record<'de' | 'fr' | 'ru', Language> = {
  de: {
    locale: 'de-DE',
    families: split('Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hartmann|Lange|Werner|Krause|Lehmann|Köhler|von Brandt|Oßwald|Jäger'),
    givens: split('Hans|Petra|Jürgen|Ursula|Klaus|Monika|Wolfgang|Sabine|Günter|Renate|Stefan|Andrea|Karl-Heinz|Ingrid|Matthias|Dorothea'),
    titles: split('Die Stadt im Film|Arbeitsmarkt und Bildung in Ostdeutschland|Zur Theorie der öffentlichen Güter|Grundzüge der Ökonometrie|Erinnerungskultur nach 1945|Sprache und Gesellschaft im Wandel|Methoden der empirischen Sozialforschung|Das Kino der Weimarer Republik|Regionale Disparitäten in Europa|Einführung in die Zeitreihenanalyse'),
    journals: split('Zeitschrift für Soziologie|Kölner Zeitschrift für Soziologie und Sozialpsychologie|Jahrbücher für Nationalökonomie und Statistik|Deutsche Vierteljahrsschrift für Literaturwissenschaft|Politische Vierteljahresschrift|Montage AV'),
    books: split('Handbuch der Filmgeschichte|Kino und Raum|Handbuch empirische Sozialforschung|Wirtschaft im Wandel|Lexikon der Soziologie'),
    publishers: split('Suhrkamp|Akademie Verlag|De Gruyter|Springer VS|Campus|Mohr Siebeck|Wallstein|Beck'),
    places: split('Berlin|Frankfurt am Main|München|Hamburg|Tübingen|Göttingen|Wiesbaden|Köln'),
  },
  fr: {
    locale: 'fr-FR',
    families: split('Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel|Garcia|Bertrand|Roux|Vincent|Fournier|de La Tour|Lévy|Bonnefoy'),
    givens: split('Jean|Marie|Pierre|Françoise|Jacques|Isabelle|Philippe|Catherine|Jean-Pierre|Hélène|Anne-Sophie|Étienne|Michèle|Bruno'),
    titles: split('Le cinéma russe après 1991|Histoire de la statistique|Les images du monde|La ville et ses marges|Économie politique du travail|Mémoire et histoire en Europe|Sociologie de la culture|Théorie des jeux et décisions'),
    journals: split('Annales. Histoire, Sciences Sociales|Revue française de sociologie|Économie et statistique|Revue d’économie politique|Cahiers du cinéma|Positif'),
    books: split('Histoire du cinéma|Dictionnaire de la pensée sociologique|L’économie mondiale|Le cinéma et ses publics'),
    publishers: split('Gallimard|Éditions du Seuil|Presses universitaires de France|Armand Colin|La Découverte|Presses universitaires de Lyon|Flammarion|CNRS Éditions'),
    places: split('Paris|Lyon|Rennes|Bordeaux|Grenoble|Lille|Toulouse'),
  },
  ru: {
    locale: 'ru-RU',
    families: split('Иванов|Смирнов|Кузнецов|Попов|Васильев|Петров|Соколов|Михайлов|Новиков|Фёдоров|Морозов|Волков|Алексеев|Лебедев|Семёнов|Егоров|Павлов|Козлов|Степанов|Николаев|Орлова|Андреева|Макарова|Зайцева'),
    givens: split('Иван Петрович|Сергей|Алексей Викторович|Наталья|Ольга Николаевна|Дмитрий|Елена|Михаил Юрьевич|Татьяна|Андрей|Юлия|Константин'),
    titles: split('Кино и общество|Поэтика кадра|Очерки истории русской культуры|Проблемы экономического роста|Методы статистического анализа данных|Городская культура и память|Вопросы теории литературы|Социальная структура современной России|Региональная экономика: теория и практика'),
    journals: split('Вопросы экономики|Искусство кино|Вопросы философии|Социологические исследования|Новое литературное обозрение|Известия РАН. Серия литературы и языка|Сеанс'),
    books: split('История отечественного кино|Экономика и общество|Русская литература XX века|Современная социология'),
    publishers: split('Наука|Прогресс|Высшая школа|Новое литературное обозрение|Издательство МГУ|Мастерская «Сеанс»|Питер'),
    places: split('Москва|М.|Санкт-Петербург|СПб.|Новосибирск|Екатеринбург'),
  },
};

/** A CSL style from its file, with its default locale. */
export interface StyleFile {
  id: string;
  xml: string;
  locale: string;
}

/** Reads the styles at `paths`; styles that only point at a parent style are skipped. */
export function readStyles(paths: string[]): StyleFile[] {
  const styles: StyleFile[] = [];
  for (const path of paths) {
    const xml = readFileSync(path, 'utf8');
    if (/rel="independent-parent"/.test(xml) || !/<bibliography\b/.test(xml)) continue;
    const id = `synthetic-${path.replace(/^.*\//, '').replace(/\.csl$/, '')}`;
    styles.push({ id, xml, locale: /default-locale="([a-z]{2}(?:-[A-Z]{2})?)/.exec(xml)?.[1] ?? 'en-US' });
  }
  return styles;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Random = () => number;
const pick = <T>(list: readonly T[], random: Random): T => list[Math.floor(random() * list.length)]!;

/** A copy of `item` moved into `language`: new people and, where the language has them, new titles. */
function localise(item: CslItem, language: Language, random: Random): CslItem {
  const out: CslItem = { ...item };
  const person = (): CslName => ({ family: pick(language.families, random), given: pick(language.givens, random) });
  for (const role of ['author', 'editor', 'translator'] as const) {
    const names = item[role];
    if (names?.length) out[role] = names.map(() => person());
  }
  if (language.titles && out.title) out.title = pick(language.titles, random);
  if (out['container-title']) {
    const journal = /^article-/.test(out.type);
    const list = journal ? language.journals : language.books;
    if (list) out['container-title'] = pick(list, random);
  }
  if (language.publishers && out.publisher) out.publisher = pick(language.publishers, random);
  if (language.places && (out['publisher-place'] || out.publisher)) out['publisher-place'] = pick(language.places, random);
  return out;
}

/** Words a name list is built from: family and given names, their initials and joining words. */
function nameWords(names: CslName[] | undefined): Set<string> {
  const words = new Set<string>();
  for (const name of names ?? []) {
    for (const part of [name.family, name.given, name.literal]) {
      for (const word of (part ?? '').toLowerCase().split(/[\s.\-‐]+/).filter(Boolean)) {
        words.add(word);
        words.add([...word][0]!);
      }
    }
  }
  return words;
}

const JOINERS = new Set(['and', '&', 'und', 'et', 'и', 'y', 'e', 'en', 'al', 'u', 'a', 'др', 'others', 'with', 'ed', 'eds', 'by']);

/**
 * Splits the unmarked text around the marked fields into labelled pieces: people, the year,
 * volume, issue and pages.
 */
function labelUnmarked(text: string, item: CslItem): Piece[] {
  const words = [...text.matchAll(/[^\s;:()]+|[;:()]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0], tag: undefined as string | undefined }));
  const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  for (const role of ['author', 'editor', 'translator'] as const) {
    const names = item[role];
    if (!names?.length) continue;
    const vocabulary = nameWords(names);
    const families = new Set(names.flatMap((n) => (n.family ?? n.literal ?? '').toLowerCase().split(/[\s-]+/)));
    const inName = (w: { word: string; tag?: string }) => {
      if (w.tag) return false;
      const parts = bare(w.word).split(/[.\-‐]+/).filter(Boolean);
      if (parts.length > 0 && parts.every((p) => vocabulary.has(p) || JOINERS.has(p))) return true;
      // Initials run together ("HK", "BH").
      const letters = w.word.replace(/[.,;:]+$/, '');
      return /^\p{Lu}{2,4}$/u.test(letters) && [...letters.toLowerCase()].every((c) => vocabulary.has(c));
    };
    const ending = (to: number) => {
      const last = bare(words[to]?.word ?? '');
      const before = bare(words[to - 1]?.word ?? '');
      return (last === 'al' && before === 'et') || (last === 'др' && before === 'и') || (last === 'a' && before === 'u') || (last === 'others' && before === 'and');
    };
    for (let i = 0; i < words.length; i++) {
      if (!inName(words[i]!) || !families.has(bare(words[i]!.word).split(/[.\-‐]+/)[0] ?? '')) continue;
      let from = i;
      let to = i;
      while (from > 0 && inName(words[from - 1]!)) from--;
      while (to + 1 < words.length && inName(words[to + 1]!)) to++;
      while (from < to && JOINERS.has(bare(words[from]!.word)) && !vocabulary.has(bare(words[from]!.word))) from++;
      while (to > from && JOINERS.has(bare(words[to]!.word)) && !vocabulary.has(bare(words[to]!.word)) && !ending(to) && !ending(to + 1)) to--;
      for (let k = from; k <= to; k++) words[k]!.tag = role;
      i = to;
    }
  }
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const numbers: Array<[string | undefined, string]> = [
    [year === undefined ? undefined : String(year), 'date'],
    [item.volume, 'volume'],
    [item.issue, 'volume'],
  ];
  for (const [whole, tag] of numbers) {
    const value = /^\p{N}+/u.exec(whole ?? '')?.[0] ?? whole;
    if (!value) continue;
    const found = words.find((w) => !w.tag && new RegExp(`(^|[^\\p{N}])${escapeRegExp(value)}[a-z]?([^\\p{N}]|$)`, 'u').test(w.word));
    if (found) found.tag = tag;
  }
  const first = /^[\p{N}ivxlcdm]+/iu.exec(item.page ?? '')?.[0];
  if (first) {
    const found = words.find((w) => !w.tag && new RegExp(`(^|[^\\p{N}\\p{L}])${escapeRegExp(first)}([^\\p{N}]|$)`, 'iu').test(w.word));
    if (found) found.tag = 'pages';
  }
  const pieces: Piece[] = [];
  let at = 0;
  for (const w of words) {
    if (!w.tag) continue;
    if (w.start > at) pieces.push({ text: text.slice(at, w.start) });
    const previous = pieces[pieces.length - 1];
    if (previous?.tag === w.tag && at === w.start) previous.text += text.slice(w.start, w.end);
    else pieces.push({ tag: w.tag, text: text.slice(w.start, w.end) });
    at = w.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  // Words between two parts of one name list ("Smith, J., and Jones, A.") belong to it.
  for (let k = 1; k + 1 < pieces.length; k++) {
    const [a, b, c] = [pieces[k - 1]!, pieces[k]!, pieces[k + 1]!];
    if (!b.tag && a.tag && a.tag === c.tag && /^(author|editor|translator)$/.test(a.tag) && b.text.trim().split(/\s+/).every((x) => JOINERS.has(bare(x)) || !bare(x))) {
      a.text += b.text + c.text;
      pieces.splice(k, 2);
      k--;
    }
  }
  return pieces;
}

/** Every string inside a value, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** One rendered, labelled reference, or undefined when the style drops or garbles the item. */
export function renderLabelled(item: CslItem, style: StyleFile): LabelledReference | undefined {
  const marked: CslItem = { id: 'x', type: item.type };
  for (const [key, value] of Object.entries(item)) if (KEPT.has(key) && key !== 'id') marked[key] = value;
  // Items whose fields still hold TeX markup ("\\pkg{nlme}") would teach the labeller noise.
  if (strings(marked).some((value) => /[\\{}]/.test(value))) return undefined;
  const tags: string[] = [];
  for (const [field, tagOf] of MARKED) {
    const value = marked[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    tags.push(tagOf(marked));
    marked[field] = `${OPEN}${tags.length - 1}${MID}${value}${CLOSE}`;
  }
  let text: string;
  try {
    text = renderBibliography([marked], style.id, style.locale, 'text').trim();
  } catch {
    return undefined;
  }
  if (!text || text.includes('\n')) return undefined;
  const pieces: Piece[] = [];
  // A number standing first ("[12]", "12.") is the entry's citation number.
  const number = /^(\[\d+\]|\d+\.)\s+/.exec(text);
  if (number) {
    pieces.push({ tag: 'citation-number', text: number[1] ?? '' });
    text = text.slice(number[0].length);
  }
  const markedSpan = new RegExp(`${OPEN}(\\d+)${MID}([^${CLOSE}${OPEN}]*)${CLOSE}`, 'gu');
  let at = 0;
  for (const match of text.matchAll(markedSpan)) {
    if (match.index > at) pieces.push(...labelUnmarked(text.slice(at, match.index), marked));
    pieces.push({ tag: tags[Number(match[1])], text: match[2] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push(...labelUnmarked(text.slice(at), marked));
  if (pieces.some((p) => /[\u2983-\u2985]/.test(p.text))) return undefined;
  const segments = segmentsOf(pieces.filter((p) => p.tag || p.text.trim()));
  if (!segments.some((s) => s.tag === 'title' || s.tag === 'journal')) return undefined;
  return { segments };
}

/** Settings of a synthetic set. */
export interface SyntheticOptions {
  count: number;
  seed: number;
  /** Share of items moved into German, French or Russian (also always when the style's language is one of them). */
  localised: number;
}

/** `count` synthetic labelled references from `items` rendered through `styles`. */
export function synthesize(items: CslItem[], styles: StyleFile[], locales: Record<string, string>, options: SyntheticOptions): LabelledReference[] {
  const random = seededRandom(options.seed);
  for (const [lang, xml] of Object.entries(locales)) addCiteprocLocale(lang, xml);
  for (const style of styles) addCiteprocStyle(style.id, style.xml);
  const out: LabelledReference[] = [];
  for (let attempt = 0; out.length < options.count && attempt < options.count * 3; attempt++) {
    const style = pick(styles, random);
    const base = pick(items, random);
    const code = style.locale.slice(0, 2);
    const language = code === 'de' || code === 'fr' || code === 'ru' ? LANGUAGES[code] : random() < options.localised ? pick(Object.values(LANGUAGES), random) : undefined;
    const item = language ? localise(base, language, random) : base;
    const rendered = renderLabelled(item, language && code === 'en' ? { ...style, locale: language.locale } : style);
    if (rendered) out.push(rendered);
  }
  return out;
}

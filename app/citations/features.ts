/**
 * Token features for the reference labeller. Each token gets a list of string features: its own
 * form and shape, cue-word lists, its place in the string, whether it sits inside quotes or
 * brackets, what came before (a year, a full stop), and the same facts about its neighbours.
 * The learner weighs them; nothing here decides a label.
 */
import { foldForFeatures } from '../text/fold';
import { chunkFeatures } from './chunk-features';
import type { Observation } from './linear-chain';
import type { Token } from './tokenize';
import {
  ACCESS_WORDS,
  CONTAINER_CUES,
  EDITION_WORDS,
  EDITOR_WORDS,
  FUNCTION_WORDS,
  GENRE_WORDS,
  JOURNAL_WORDS,
  MONTHS,
  PAGE_WORDS,
  PARTICLES,
  PLACE_WORDS,
  PUBLISHER_WORDS,
  SEASONS,
  TRANSLATOR_WORDS,
  VOLUME_WORDS,
} from './lexicon';

const OPEN_QUOTES = '“‘«„‚"\'';
const CLOSE_QUOTES = '”’»“"\'';

/** Lower case, accents removed, leading and trailing punctuation stripped. */
export function coreWord(text: string): string {
  return foldForFeatures(text).replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
}

/** Word shape: X for upper case, x for lower case, 9 for digits, punctuation kept; runs collapsed. */
export function wordShape(text: string): string {
  let shape = '';
  for (const ch of text.slice(0, 40)) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = '9';
    else c = ch;
    if (!shape.endsWith(c)) shape += c;
  }
  return shape;
}

interface TokenFacts {
  core: string;
  shape: string;
  last: string;
  first: string;
  kinds: string[];
}

function tokenKinds(text: string, core: string): string[] {
  const kinds: string[] = [];
  const letters = core.replace(/[^\p{L}]/gu, '');
  if (/^\p{Lu}/u.test(text.replace(/^[^\p{L}\p{N}]+/u, ''))) kinds.push('cap');
  if (letters.length > 1 && text === text.toUpperCase() && /\p{Lu}/u.test(text)) kinds.push('allcaps');
  if (/^\p{Lu}\.?[,;]?$/u.test(text) || /^(\p{Lu}\.){1,3}[,;]?$/u.test(text) || /^\p{Lu}\.-\p{Lu}\.[,;]?$/u.test(text)) kinds.push('initial');
  if (/^\p{Lu}{1,3},?$/u.test(text)) kinds.push('initials-bare');
  if (/\d/.test(text)) kinds.push('digit');
  if (/^\d+$/.test(core)) kinds.push(`num${Math.min(core.length, 5)}`);
  const year = /(?:^|\D)(1[5-9]\d\d|20\d\d)(?:[a-z]|\D|$)/.exec(text);
  if (year) kinds.push('year');
  if (/^\(?(1[5-9]\d\d|20\d\d)[a-z]?\)?[.,:;]?$/.test(text)) kinds.push('year-alone');
  if (/^\(?\d{1,6}\s?[-–—]+\s?\d{1,6}\)?[.,;:]?$/.test(text)) kinds.push('range');
  if (/^[ivxlcdm]+$/.test(core) && core.length < 8) kinds.push('roman');
  if (/^\d+\(\d+[^)]*\)/.test(core) || /\d\(\d/.test(text)) kinds.push('vol-issue');
  if (/^(https?:|www\.)/i.test(text.replace(/^[<([]+/, ''))) kinds.push('url');
  if (/10\.\d{3,9}\//.test(text) || /^doi/i.test(core)) kinds.push('doi');
  if (/^(isbn|issn)/i.test(core)) kinds.push('isbn');
  if (/^\d{1,2}(st|nd|rd|th|e|er)$/.test(core)) kinds.push('ordinal');
  if (/^[[(]?\d{1,4}[\].)]?$/.test(text)) kinds.push('short-num');
  if (/^\[\d+\]$/.test(text) || /^\d{1,4}\.$/.test(text)) kinds.push('list-number');
  if (text.includes('-') && letters.length > 2) kinds.push('hyphen');
  if (/[’']s?$/.test(text) || /^\p{L}+['’]\p{L}/u.test(text)) kinds.push('apostrophe');
  if (letters.length >= 1 && letters.length <= 3 && /\.$/.test(text)) kinds.push('abbrev');
  const dict: Array<[ReadonlySet<string> | ReadonlyMap<string, number>, string]> = [
    [MONTHS, 'month'], [SEASONS, 'season'], [EDITOR_WORDS, 'editor-word'], [TRANSLATOR_WORDS, 'translator-word'],
    [CONTAINER_CUES, 'in-word'], [PAGE_WORDS, 'page-word'], [VOLUME_WORDS, 'volume-word'], [EDITION_WORDS, 'edition-word'],
    [PUBLISHER_WORDS, 'publisher-word'], [PLACE_WORDS, 'place-word'], [JOURNAL_WORDS, 'journal-word'],
    [PARTICLES, 'particle'], [ACCESS_WORDS, 'access-word'], [GENRE_WORDS, 'genre-word'], [FUNCTION_WORDS, 'function-word'],
  ];
  for (const [set, name] of dict) if (set.has(core)) kinds.push(name);
  return kinds;
}

function facts(token: Token): TokenFacts {
  const text = token.text;
  const core = coreWord(text);
  return { core, shape: wordShape(text), first: text[0] ?? '', last: text[text.length - 1] ?? '', kinds: tokenKinds(text, core) };
}

function punctClass(ch: string): string {
  if (/[\p{L}\p{N}]/u.test(ch)) return 'w';
  return ch;
}

/** Features of every token of one reference, in order. */
export function referenceFeatures(tokens: Token[]): string[][] {
  const all = tokens.map(facts);
  const n = tokens.length;
  const phrase = chunkFeatures(tokens, all);
  const out: string[][] = [];
  let quoteDepth = 0;
  let parenDepth = 0;
  let bracketDepth = 0;
  let yearsBefore = 0;
  let stopsBefore = 0;
  let sawIn = false;
  let sawEditorWord = false;
  for (let i = 0; i < n; i++) {
    const f = all[i] as TokenFacts;
    const text = (tokens[i] as Token).text;
    const firstCh = f.first;
    if (OPEN_QUOTES.includes(firstCh) && quoteDepth === 0) quoteDepth = 1;
    const opensParen = firstCh === '(';
    if (opensParen) parenDepth++;
    if (firstCh === '[') bracketDepth++;
    const feats: string[] = [
      'bias',
      `w=${f.core}`,
      `shape=${f.shape}`,
      `first=${punctClass(f.first)}`,
      `last=${punctClass(f.last)}`,
      `fl=${punctClass(f.first)}${punctClass(f.last)}`,
      `len=${Math.min(f.core.length, 8)}`,
      `pos=${n > 1 ? Math.floor((10 * i) / n) : 0}`,
      `idx=${Math.min(i, 6)}`,
      `rest=${Math.min(n - 1 - i, 4)}`,
      `years=${Math.min(yearsBefore, 2)}`,
      `stops=${Math.min(stopsBefore, 5)}`,
      `quote=${quoteDepth > 0}`,
      `paren=${parenDepth > 0}`,
      `bracket=${bracketDepth > 0}`,
      `sawIn=${sawIn}`,
      `sawEd=${sawEditorWord}`,
    ];
    if (f.core.length > 3) {
      feats.push(`pre3=${f.core.slice(0, 3)}`, `suf3=${f.core.slice(-3)}`, `suf2=${f.core.slice(-2)}`);
    }
    if (f.core.length > 4) feats.push(`pre4=${f.core.slice(0, 4)}`, `suf4=${f.core.slice(-4)}`);
    for (const k of f.kinds) feats.push(`k=${k}`);
    for (const [offset, name] of [[-1, 'p'], [1, 'n'], [-2, 'pp'], [2, 'nn']] as const) {
      const g = all[i + offset];
      if (!g) {
        feats.push(`${name}=<none>`);
        continue;
      }
      feats.push(`${name}w=${g.core}`, `${name}shape=${g.shape}`, `${name}last=${punctClass(g.last)}`);
      if (offset === -1 || offset === 1) {
        for (const k of g.kinds) feats.push(`${name}k=${k}`);
        feats.push(`${name}first=${punctClass(g.first)}`);
      }
    }
    const prev = all[i - 1];
    if (prev) {
      feats.push(`pw|w=${prev.core}|${f.core}`, `plast|first=${punctClass(prev.last)}|${punctClass(f.first)}`);
    }
    const next = all[i + 1];
    if (next) feats.push(`w|nw=${f.core}|${next.core}`);
    feats.push(...(phrase[i] as string[]));
    out.push(feats);

    // State updates take effect from the next token on.
    if (f.kinds.includes('year')) yearsBefore++;
    if (/[.!?]$/.test(text) && !f.kinds.includes('initial') && !f.kinds.includes('abbrev')) stopsBefore++;
    if (f.core === 'in' && /^\p{Lu}/u.test(text)) sawIn = true;
    if (f.kinds.includes('editor-word')) sawEditorWord = true;
    const lastCh = f.last;
    const lastTwo = text.slice(-2);
    if (quoteDepth > 0 && (CLOSE_QUOTES.includes(lastCh) || CLOSE_QUOTES.includes(lastTwo[0] ?? '')) && (text.length > 1 || i > 0)) {
      if (!(OPEN_QUOTES.includes(firstCh) && text.length === 1)) quoteDepth = 0;
    }
    if (text.includes(')')) parenDepth = Math.max(0, parenDepth - 1);
    if (text.includes(']')) bracketDepth = Math.max(0, bracketDepth - 1);
  }
  return out;
}

function endClass(token: Token, kinds: string[]): string {
  const last = token.text[token.text.length - 1] ?? '';
  if (last === '.' && kinds.includes('initial')) return '.init';
  if (last === '.' && kinds.includes('abbrev')) return '.abbr';
  if ('”’"\'»'.includes(last)) return 'quote';
  if (/[\p{L}\p{N}]/u.test(last)) return 'w';
  return last;
}

function startClass(token: Token): string {
  const first = token.text[0] ?? '';
  if ('“‘"\'«„'.includes(first)) return 'quote';
  if (/\p{Lu}/u.test(first)) return 'U';
  if (/\p{L}/u.test(first)) return 'l';
  if (/\p{N}/u.test(first)) return '9';
  return first;
}

/** Boundary contexts before each token: how the previous token ends and how this one begins. */
export function boundaryContexts(tokens: Token[]): string[][] {
  return tokens.map((token, t) => {
    if (t === 0) return ['start'];
    const prev = tokens[t - 1] as Token;
    const pe = endClass(prev, tokenKinds(prev.text, coreWord(prev.text)));
    const cf = startClass(token);
    return [`pe=${pe}`, `cf=${cf}`, `pe|cf=${pe}|${cf}`];
  });
}

/** Everything the labeller sees of one tokenised reference. */
export function observeReference(tokens: Token[]): Observation {
  return { features: referenceFeatures(tokens), contexts: boundaryContexts(tokens) };
}

/**
 * Just enough of PDF's object syntax to read a file's structure before pdf.js does: dictionaries,
 * arrays, names, numbers, strings (skipped), references. The source is the file as a string of
 * one character per byte, so string offsets are byte offsets. Nothing here throws: a value that
 * cannot be read is `undefined`.
 */

/** A name (/FlateDecode), #xx escapes decoded. */
export interface PdfName {
  t: 'name';
  v: string;
}

/** An indirect reference (12 0 R). */
export interface PdfRef {
  t: 'ref';
  num: number;
  gen: number;
}

/** A dictionary, with each value's span in the source so it can be copied as written. */
export interface PdfDict {
  t: 'dict';
  map: Map<string, PdfValue>;
  spans: Map<string, [number, number]>;
  /** Just past the closing ">>". */
  end: number;
}

/** A string, as bytes. */
export interface PdfString {
  t: 'str';
  bytes: Uint8Array;
}

/** Any value this reader understands. */
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfDict | PdfValue[];

/** Values nested deeper than this are refused (pdf.js itself gives up far sooner on hostile nesting). */
const MAX_NESTING = 64;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)/y;
const INTEGER_REF = /(\d+)\s+(\d+)\s+R(?![A-Za-z0-9])/y;

/** The position of the next token at or after `pos`: whitespace and comments skipped. */
export function skipSpace(src: string, pos: number): number {
  let i = pos;
  while (i < src.length) {
    const code = src.charCodeAt(i);
    if (WHITESPACE.has(code)) i += 1;
    else if (code === 0x25) {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i += 1;
    } else break;
  }
  return i;
}

/** Reads one value at `pos`; returns it and the position just past it, or undefined. */
export function parseValue(src: string, pos: number, depth = 0): { value: PdfValue; end: number } | undefined {
  if (depth > MAX_NESTING) return undefined;
  const i = skipSpace(src, pos);
  const char = src[i];
  if (char === undefined) return undefined;
  if (char === '/') return parseName(src, i);
  if (char === '<' && src[i + 1] === '<') return parseDict(src, i, depth);
  if (char === '<') {
    const close = src.indexOf('>', i);
    if (close < 0) return undefined;
    const digits = src.slice(i + 1, close).replace(/[^0-9A-Fa-f]/g, '');
    const bytes = new Uint8Array(Math.ceil(digits.length / 2));
    for (let k = 0; k < bytes.length; k++) bytes[k] = parseInt((digits.slice(k * 2, k * 2 + 2) + '0').slice(0, 2), 16);
    return { value: { t: 'str', bytes }, end: close + 1 };
  }
  if (char === '(') return parseLiteralString(src, i);
  if (char === '[') return parseArray(src, i, depth);
  INTEGER_REF.lastIndex = i;
  const ref = INTEGER_REF.exec(src);
  if (ref) return { value: { t: 'ref', num: Number(ref[1]), gen: Number(ref[2]) }, end: INTEGER_REF.lastIndex };
  NUMBER.lastIndex = i;
  const number = NUMBER.exec(src);
  if (number) return { value: Number(number[0]), end: NUMBER.lastIndex };
  for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
    if (src.startsWith(word, i)) return { value, end: i + word.length };
  }
  return undefined;
}

/** Reads the dictionary that starts at or after `pos`. */
export function parseDictAt(src: string, pos: number): PdfDict | undefined {
  const parsed = parseValue(src, pos);
  return parsed && isDict(parsed.value) ? parsed.value : undefined;
}

function parseName(src: string, start: number): { value: PdfName; end: number } {
  let i = start + 1;
  let name = '';
  while (i < src.length) {
    const char = src[i] ?? '';
    if (WHITESPACE.has(src.charCodeAt(i)) || DELIMITERS.has(char)) break;
    if (char === '#' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      name += String.fromCharCode(parseInt(src.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      name += char;
      i += 1;
    }
  }
  return { value: { t: 'name', v: name }, end: i };
}

const ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, f: 0x0c, '(': 0x28, ')': 0x29, '\\': 0x5c };

function parseLiteralString(src: string, start: number): { value: PdfString; end: number } | undefined {
  const bytes: number[] = [];
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const char = src[i] ?? '';
    if (char === '\\') {
      const next = src[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4))?.[0];
      if (octal) {
        bytes.push(parseInt(octal, 8) & 0xff);
        i += octal.length;
      } else if (next === '\r' || next === '\n') {
        i += next === '\r' && src[i + 2] === '\n' ? 2 : 1;
      } else {
        bytes.push(ESCAPES[next] ?? byteOf(next.charCodeAt(0)));
        i += 1;
      }
      continue;
    }
    if (char === '(' && depth++ === 0) continue;
    if (char === ')' && --depth === 0) return { value: { t: 'str', bytes: Uint8Array.from(bytes) }, end: i + 1 };
    bytes.push(byteOf(src.charCodeAt(i)));
  }
  return undefined;
}

function parseArray(src: string, start: number, depth: number): { value: PdfValue[]; end: number } | undefined {
  const items: PdfValue[] = [];
  let i = start + 1;
  for (;;) {
    i = skipSpace(src, i);
    if (i >= src.length) return undefined;
    if (src[i] === ']') return { value: items, end: i + 1 };
    const item = parseValue(src, i, depth + 1);
    if (!item) return undefined;
    items.push(item.value);
    i = item.end;
  }
}

function parseDict(src: string, start: number, depth: number): { value: PdfDict; end: number } | undefined {
  const dict: PdfDict = { t: 'dict', map: new Map(), spans: new Map(), end: start };
  let i = start + 2;
  for (;;) {
    i = skipSpace(src, i);
    if (i >= src.length) return undefined;
    if (src[i] === '>' && src[i + 1] === '>') {
      dict.end = i + 2;
      return { value: dict, end: dict.end };
    }
    if (src[i] !== '/') return undefined;
    const key = parseName(src, i);
    const valueStart = skipSpace(src, key.end);
    const value = parseValue(src, valueStart, depth + 1);
    if (!value) return undefined;
    dict.map.set(key.value.v, value.value);
    dict.spans.set(key.value.v, [valueStart, value.end]);
    i = value.end;
  }
}

export function isDict(value: PdfValue | undefined): value is PdfDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.t === 'dict';
}

export function isRef(value: PdfValue | undefined): value is PdfRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.t === 'ref';
}

export function isName(value: PdfValue | undefined, name?: string): value is PdfName {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.t === 'name' && (name === undefined || value.v === name);
}

/**
 * The file as one character per byte, for searching keywords and parsing objects by offset. A
 * "latin1" decoder maps every byte to one character: its own code in Node 20 (ISO-8859-1), the
 * windows-1252 character for bytes 0x80-0x9F in browsers and Node 22; byteOf undoes the difference.
 */
export function byteString(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/** windows-1252's characters for bytes 0x80-0x9F, back to the bytes. */
const WINDOWS_1252_BYTES = new Map([...new TextDecoder('latin1').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i))].map((char, i) => [char.charCodeAt(0), 0x80 + i]));

/** The byte a character of byteString stands for. */
export function byteOf(code: number): number {
  return code < 0x100 ? code : (WINDOWS_1252_BYTES.get(code) ?? code & 0xff);
}

export function isString(value: PdfValue | undefined): value is PdfString {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.t === 'str';
}

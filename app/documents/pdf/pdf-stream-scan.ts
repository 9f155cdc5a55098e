/**
 * Measuring every stream of a PDF before pdf.js opens it: each stream is decoded through its
 * filters (Flate, LZW, RunLength, ASCIIHex, ASCII85) by decoders that stop at a cap, and the
 * decoded bytes are added up. A file whose streams would inflate past the limits is refused here,
 * with at most one stream's cap ever held in memory. Streams are found by their "stream" keyword
 * wherever it stands, not through the cross-reference table, so an object hidden inside another
 * stream's data, which pdf.js could still be pointed at, is measured too.
 */
import { decodeFilter, IMAGE_FILTERS } from './pdf-decoders';
import type { Clock, PdfLimits } from './pdf-limits';
import { PdfObjects } from './pdf-objects';
import { byteString, isDict, isName, parseDictAt, type PdfDict, type PdfValue } from './pdf-syntax';

/** Decrypts one stream's data for object (num, gen); absent for files that are not encrypted. */
export type StreamDecryptor = (num: number, gen: number, data: Uint8Array) => Promise<Uint8Array>;

/** What the scan found, or why the file is refused. */
export type StreamScan =
  | { ok: true; decodedBytes: number; streams: number; objects: PdfObjects }
  | { ok: false; problem: 'too-large' | 'too-slow'; detail: string };

interface StreamRecord {
  num: number;
  gen: number;
  dict: PdfDict | undefined;
  dataStart: number;
}

const STREAM = /(?<![A-Za-z])stream(?![A-Za-z])/g;
const OBJECT_HEAD = /(\d{1,10})\s+(\d{1,5})\s+$/;
/** A stream's dictionary is looked for this far back from its "stream" keyword. */
const LOOKBACK = 1024 * 1024;

/** Measures every stream of the file (`src` is `bytes` as one character per byte). */
export async function scanStreams(src: string, bytes: Uint8Array, limits: PdfLimits, deadline: number, now: Clock, decrypt?: StreamDecryptor): Promise<StreamScan> {
  const objects = new PdfObjects(src);
  const records = [...src.matchAll(STREAM)].map((match) => streamRecord(src, match.index));
  // Object streams first: other streams' /Length or /Filter may point into them.
  records.sort((a, b) => Number(!isObjectStream(b)) - Number(!isObjectStream(a)));
  let total = 0;
  for (const record of records) {
    if (now() > deadline) return { ok: false, problem: 'too-slow', detail: 'measuring its streams took longer than the time limit' };
    const measured = await measure(record, bytes, src, objects, limits, decrypt);
    if (!measured.ok) return measured;
    total += measured.counted;
    if (total > limits.maxDecodedBytes) return { ok: false, problem: 'too-large', detail: `its streams decode to more than ${limits.maxDecodedBytes} bytes` };
  }
  return { ok: true, decodedBytes: total, streams: records.length, objects };
}

function isObjectStream(record: StreamRecord): boolean {
  return isName(record.dict?.map.get('Type'), 'ObjStm');
}

/** The stream whose keyword is at `at`: its object number and dictionary when they precede it as they should. */
function streamRecord(src: string, at: number): StreamRecord {
  const dataStart = nextLine(src, at + 6);
  const objAt = src.lastIndexOf('obj', at);
  if (objAt < 0 || at - objAt > LOOKBACK) return { num: -1, gen: 0, dict: undefined, dataStart };
  const head = OBJECT_HEAD.exec(src.slice(Math.max(0, objAt - 24), objAt));
  const dict = parseDictAt(src, objAt + 3);
  const fits = dict !== undefined && dict.end <= at && src.slice(dict.end, at).trim() === '';
  return { num: head ? Number(head[1]) : -1, gen: head ? Number(head[2]) : 0, dict: fits ? dict : undefined, dataStart };
}

/** Past the end of the line at `pos`, as pdf.js skips to a stream's data. */
function nextLine(src: string, pos: number): number {
  let i = pos;
  while (i < src.length && src[i] !== '\r' && src[i] !== '\n') i += 1;
  if (src[i] === '\r') i += 1;
  if (src[i] === '\n') i += 1;
  return i;
}

/** The stream's data: /Length bytes when "endstream" follows them, otherwise up to "endstream". */
function streamData(record: StreamRecord, src: string, objects: PdfObjects): [number, number] {
  const length = objects.resolve(record.dict?.map.get('Length'));
  if (typeof length === 'number' && Number.isInteger(length) && length >= 0) {
    const end = record.dataStart + length;
    if (/^\s*endstream/.test(src.slice(end, end + 32))) return [record.dataStart, end];
  }
  const found = src.indexOf('endstream', record.dataStart);
  return [record.dataStart, found < 0 ? src.length : found];
}

async function measure(
  record: StreamRecord,
  bytes: Uint8Array,
  src: string,
  objects: PdfObjects,
  limits: PdfLimits,
  decrypt: StreamDecryptor | undefined,
): Promise<{ ok: true; counted: number } | { ok: false; problem: 'too-large'; detail: string }> {
  const [start, end] = streamData(record, src, objects);
  let data = bytes.subarray(start, end);
  const dict = record.dict;
  if (dict && decrypt && record.num >= 0 && !isName(dict.map.get('Type'), 'XRef')) data = await decrypt(record.num, record.gen, data);
  const image = dict !== undefined && isName(objects.resolve(dict.map.get('Subtype')), 'Image');
  const cap = image ? imageCap(dict, objects, limits) : limits.maxStreamBytes;
  let counted = 0;
  for (const [name, earlyChange] of filtersOf(dict, data, objects)) {
    if (IMAGE_FILTERS.has(name)) break;
    const decoded = decodeFilter(name, data, cap, earlyChange);
    if (!decoded.ok && decoded.problem === 'too-large') {
      const what = image ? 'a picture' : 'a stream';
      return { ok: false, problem: 'too-large', detail: `${what} (object ${record.num}) decodes to more than ${cap} bytes` };
    }
    if (!decoded.ok) break;
    data = decoded.bytes;
    counted += data.length;
  }
  if (dict && isName(dict.map.get('Type'), 'ObjStm')) {
    const count = objects.resolve(dict.map.get('N'));
    const first = objects.resolve(dict.map.get('First'));
    if (typeof count === 'number' && typeof first === 'number') objects.addObjectStream(byteString(data), count, first);
  }
  // A picture is checked against the size it declares; it is never decoded to read text.
  return { ok: true, counted: image ? 0 : counted };
}

/** A picture's pixels at most: width × height × 4 components × 2 bytes, plus room for row padding. */
function imageCap(dict: PdfDict, objects: PdfObjects, limits: PdfLimits): number {
  const width = objects.resolve(dict.map.get('Width') ?? dict.map.get('W'));
  const height = objects.resolve(dict.map.get('Height') ?? dict.map.get('H'));
  if (typeof width !== 'number' || typeof height !== 'number' || width <= 0 || height <= 0) return 64 * 1024;
  return Math.min(limits.maxImageBytes, Math.ceil(width) * Math.ceil(height) * 8 + 64 * 1024);
}

/** The stream's filters in order, each with its LZW early-change parameter; a stream with no readable dictionary is taken for zlib when it looks like it. */
function filtersOf(dict: PdfDict | undefined, data: Uint8Array, objects: PdfObjects): [string, number][] {
  if (!dict) {
    const [cmf = 0, flg = 0] = data;
    return (cmf & 0x0f) === 8 && ((cmf << 8) + flg) % 31 === 0 ? [['FlateDecode', 1]] : [];
  }
  const filter = objects.resolve(dict.map.get('Filter') ?? dict.map.get('F'));
  const params = objects.resolve(dict.map.get('DecodeParms') ?? dict.map.get('DP'));
  const names = Array.isArray(filter) ? filter.map((f) => objects.resolve(f)) : [filter];
  const paramList: (PdfValue | undefined)[] = Array.isArray(params) ? params.map((p) => objects.resolve(p)) : [params];
  return names.flatMap((name, i) => {
    if (!isName(name)) return [];
    const param = paramList[Array.isArray(params) ? i : 0];
    const early = isDict(param) ? objects.resolve(param.map.get('EarlyChange')) : undefined;
    return [[name.v, typeof early === 'number' ? early : 1] as [string, number]];
  });
}

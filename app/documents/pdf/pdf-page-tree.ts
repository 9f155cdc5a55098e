/**
 * A flat page tree made balanced. Many producers list every page in one /Kids array; pdf.js looks
 * a page up by walking that array from the start (and pushing all of it), so reading a document
 * of n pages costs n² steps: 50,000 pages take hours. The file is given an incremental update, as
 * any PDF editor would write: new /Pages nodes of at most FANOUT kids each, and a new version of
 * the root /Pages node pointing at them. The pages themselves are untouched (their /Parent still
 * names the root, whose inheritable entries are kept), so what pdf.js reads is the same document.
 */
import type { PdfObjects } from './pdf-objects';
import { isDict, isName, isRef, parseDictAt, parseValue, skipSpace, type PdfDict, type PdfRef, type PdfValue } from './pdf-syntax';

/** Kids per node: lookups then cost a few hundred steps whatever the page count. */
const FANOUT = 64;
/** Flat trees below this size cost little; they are left as they are. */
const FLAT_ENOUGH = 256;

/** A balanced copy of the file, and the page objects in reading order (to check pdf.js's pages against). */
export interface BalancedTree {
  bytes: Uint8Array;
  pages: PdfRef[];
}

/** The file with its page tree balanced, or undefined when it needs none or its structure is not plain enough to edit safely. */
export function balancePageTree(bytes: Uint8Array, src: string, objects: PdfObjects): BalancedTree | undefined {
  const trailer = lastTrailer(src);
  if (!trailer) return undefined;
  const rootRef = trailer.dict.map.get('Root');
  const catalog = objects.resolve(rootRef);
  const pagesRef = isDict(catalog) ? catalog.map.get('Pages') : undefined;
  if (!isRef(pagesRef)) return undefined;
  const place = objects.place(pagesRef.num);
  const pages = place ? parseDictAt(place.src, place.pos) : undefined;
  if (!place || !pages) return undefined;
  const kids = pages.map.get('Kids');
  const count = objects.resolve(pages.map.get('Count'));
  if (!Array.isArray(kids) || kids.length < FLAT_ENOUGH || count !== kids.length || !kids.every(isRef)) return undefined;
  // Strings would need re-encrypting once the node leaves an object stream; /Pages nodes hold none in practice.
  if ([...pages.map.values()].some(holdsString)) return undefined;

  let next = Math.max(numberOf(trailer.dict.map.get('Size')), objects.highest() + 1);
  const written: { num: number; body: string }[] = [];
  let level: { ref: string; count: number }[] = kids.map((kid) => ({ ref: `${kid.num} ${kid.gen} R`, count: 1 }));
  while (level.length > FANOUT) {
    const parents: { ref: string; count: number }[] = [];
    for (let i = 0; i < level.length; i += FANOUT) {
      const group = level.slice(i, i + FANOUT);
      const total = group.reduce((sum, node) => sum + node.count, 0);
      const num = next++;
      written.push({ num, body: `<< /Type /Pages /Kids [${group.map((node) => node.ref).join(' ')}] /Count ${total} >>` });
      parents.push({ ref: `${num} 0 R`, count: total });
    }
    level = parents;
  }
  const kept = [...pages.spans].filter(([key]) => key !== 'Kids' && key !== 'Count').map(([key, [from, to]]) => `/${escapeName(key)} ${place.src.slice(from, to)}`);
  const root = { num: pagesRef.num, gen: pagesRef.gen, body: `<< ${[...kept, `/Kids [${level.map((node) => node.ref).join(' ')}]`, `/Count ${kids.length}`].join(' ')} >>` };

  let text = bytes[bytes.length - 1] === 0x0a ? '' : '\n';
  const offsets = new Map<number, number>();
  const write = (num: number, gen: number, body: string) => {
    offsets.set(num, bytes.length + text.length);
    text += `${num} ${gen} obj\n${body}\nendobj\n`;
  };
  write(root.num, root.gen, root.body);
  for (const node of written) write(node.num, 0, node.body);
  const xrefAt = bytes.length + text.length;
  const entry = (num: number, gen: number) => `${String(offsets.get(num) ?? 0).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;
  text += `xref\n${root.num} 1\n${entry(root.num, root.gen)}`;
  if (written.length > 0) text += `${written[0]?.num ?? next} ${written.length}\n${written.map((node) => entry(node.num, 0)).join('')}`;
  const carried = ['Root', 'Info', 'Encrypt', 'ID'].flatMap((key) => {
    const span = trailer.dict.spans.get(key);
    return span ? [`/${key} ${src.slice(span[0], span[1])}`] : [];
  });
  text += `trailer\n<< /Size ${next} ${carried.join(' ')} /Prev ${trailer.offset} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(bytes.length + text.length);
  out.set(bytes);
  for (let i = 0; i < text.length; i++) out[bytes.length + i] = text.charCodeAt(i);
  return { bytes: out, pages: kids };
}

/** The trailer the file ends with: a classic "trailer" dictionary or a cross-reference stream's, and where its section starts. */
function lastTrailer(src: string): { dict: PdfDict; offset: number } | undefined {
  const at = src.lastIndexOf('startxref');
  const parsed = at >= 0 ? parseValue(src, at + 9) : undefined;
  const offset = parsed?.value;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset <= 0 || offset >= src.length) return undefined;
  const start = skipSpace(src, offset);
  if (src.startsWith('xref', start)) {
    const trailer = src.indexOf('trailer', start);
    const dict = trailer >= 0 ? parseDictAt(src, trailer + 7) : undefined;
    return dict ? { dict, offset } : undefined;
  }
  const head = /^\d{1,10}\s+\d{1,5}\s+obj/.exec(src.slice(start, start + 40));
  const dict = head ? parseDictAt(src, start + head[0].length) : undefined;
  return dict && isName(dict.map.get('Type'), 'XRef') ? { dict, offset } : undefined;
}

function numberOf(value: PdfValue | undefined): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

function holdsString(value: PdfValue): boolean {
  if (Array.isArray(value)) return value.some(holdsString);
  if (isDict(value)) return [...value.map.values()].some(holdsString);
  return typeof value === 'object' && value !== null && value.t === 'str';
}

/** A name as PDF writes it: delimiters, whitespace, '#' and anything outside printable ASCII as #xx. */
function escapeName(name: string): string {
  return name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (char) => `#${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

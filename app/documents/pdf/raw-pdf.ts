/**
 * A PDF writer for hostile test files: objects written as given (bodies of any shape, streams of
 * any bytes), numbered from 1, with a correct cross-reference table, so each file is broken only
 * where its test means it to be.
 */
import { deflatedZeros } from '../zip/zip-bomb-fixture';

/** One object: its body, or a stream's dictionary (without /Length, which is added) and data. */
export interface RawObject {
  body: string;
  stream?: Uint8Array;
}

/** Writes `objects` as objects 1..n with `trailer` entries (such as "/Root 1 0 R"). */
export function buildRawPdf(objects: readonly RawObject[], trailer = '/Root 1 0 R'): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const write = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? Uint8Array.from(part, (c) => c.charCodeAt(0) & 0xff) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  write('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n');
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    if (object.stream) {
      const dict = object.body.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`);
      write(`${index + 1} 0 obj\n${dict}\nstream\n`);
      write(object.stream);
      write('\nendstream\nendobj\n');
    } else {
      write(`${index + 1} 0 obj\n${object.body}\nendobj\n`);
    }
  });
  const xref = length;
  write(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  write(`trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A zlib stream (as PDF's FlateDecode reads it) of about `megabytes` MB of zeros, from ~1/1000 of that. */
export function zlibZeros(megabytes: number): Uint8Array {
  const raw = deflatedZeros(Math.max(1, Math.ceil((megabytes * 1024 * 1024) / 8_256_000)));
  const out = new Uint8Array(raw.length + 2);
  out.set([0x78, 0x9c]);
  out.set(raw, 2);
  return out;
}

/** LZW codes (9 bits, then wider) that repeat one growing run of zeros: about `megabytes` MB out. */
export function lzwZeros(megabytes: number): Uint8Array {
  const codes: number[] = [];
  let produced = 0;
  while (produced < megabytes * 1024 * 1024) {
    codes.push(256, 0);
    produced += 1;
    // After the clear code, each new code repeats the previous string plus one zero.
    for (let code = 258; code < 4094; code++) {
      codes.push(code);
      produced += code - 256;
    }
  }
  codes.push(257);
  let width = 9;
  let next = 258;
  let buffer = 0;
  let bits = 0;
  let first = false;
  const out: number[] = [];
  for (const code of codes) {
    buffer = (buffer << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
    if (code === 256) {
      width = 9;
      next = 258;
      first = true;
    } else if (first) {
      // The first code after a clear adds no entry to the table.
      first = false;
    } else if (code !== 257) {
      next += 1;
      if (next + 1 >= 1 << width && width < 12) width += 1;
    }
  }
  if (bits > 0) out.push((buffer << (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}

/** Text drawn on a page, as a content stream. */
export function textContent(text: string): Uint8Array {
  return Uint8Array.from(`BT /F1 12 Tf 72 700 Td (${text}) Tj ET`, (c) => c.charCodeAt(0));
}

/** Catalog, page tree and a Helvetica font: objects 1-3; pages follow from object 4. */
export function pdfFrame(pageRefs: number[]): RawObject[] {
  return [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>` },
    { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
  ];
}

/** A page (object `self`) whose contents are the objects `contents`. */
export function pageObject(contents: number[]): RawObject {
  return { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents [${contents.map((c) => `${c} 0 R`).join(' ')}] >>` };
}

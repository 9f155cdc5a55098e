/**
 * Finding a PDF's objects by number without its cross-reference table: the last "N G obj" in
 * the file is the newest version of an object (incremental updates append), and objects packed
 * in object streams are found from those streams' headers once they are decoded. This is only
 * ever used to read structure pdf.js will then read properly; a wrong guess costs a fallback,
 * never a wrong document.
 */
import { isRef, parseValue, skipSpace, type PdfValue } from './pdf-syntax';

/** Where an object's value starts: in the file, or in a decoded object stream. */
export interface ObjectPlace {
  src: string;
  pos: number;
}

/** The objects of one file, indexed on first use. */
export class PdfObjects {
  private plain: Map<number, number> | undefined;
  private readonly packed = new Map<number, ObjectPlace>();

  constructor(readonly src: string) {}

  /** Every "N G obj" in the file: number → offset just past "obj" (the newest, last, wins). */
  private index(): Map<number, number> {
    if (this.plain) return this.plain;
    const plain = new Map<number, number>();
    const pattern = /(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj(?![A-Za-z])/g;
    for (const match of this.src.matchAll(pattern)) plain.set(Number(match[1]), match.index + match[0].length);
    this.plain = plain;
    return plain;
  }

  /** Records the objects of a decoded object stream (/Type /ObjStm, /N objects, the first at /First). */
  addObjectStream(decoded: string, count: number, first: number): void {
    let pos = 0;
    for (let i = 0; i < Math.min(count, 100_000); i++) {
      const num = parseValue(decoded, pos);
      const offset = num ? parseValue(decoded, num.end) : undefined;
      if (!num || !offset || typeof num.value !== 'number' || typeof offset.value !== 'number') return;
      if (!this.index().has(num.value)) this.packed.set(num.value, { src: decoded, pos: first + offset.value });
      pos = offset.end;
    }
  }

  /** The highest object number seen. */
  highest(): number {
    let highest = 0;
    for (const num of this.index().keys()) highest = Math.max(highest, num);
    for (const num of this.packed.keys()) highest = Math.max(highest, num);
    return highest;
  }

  /** Where object `num` starts, if it can be found. */
  place(num: number): ObjectPlace | undefined {
    const offset = this.index().get(num);
    return offset !== undefined ? { src: this.src, pos: skipSpace(this.src, offset) } : this.packed.get(num);
  }

  /** The value of object `num`. */
  get(num: number): PdfValue | undefined {
    const place = this.place(num);
    return place ? parseValue(place.src, place.pos)?.value : undefined;
  }

  /** The value itself, or what a reference points to (following a few references in a row). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let hops = 0; hops < 8 && isRef(current); hops++) current = this.get(current.num);
    return isRef(current) ? undefined : current;
  }
}

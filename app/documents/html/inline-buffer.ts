/**
 * The text of one block while its HTML is walked: words, their marks, and the note markers in
 * them, all as offsets into the block's own text. Whitespace is collapsed the way a browser
 * collapses it, so offsets always point at the words the reader shows.
 */
import type { InlineMark } from '../model';

/** A note marker inside a block: where its text is and which note it points to. */
export interface InlineMarker {
  offset: number;
  length: number;
  /** Key of the note element. */
  target: string;
}

/** A block's text under construction. */
export class InlineBuffer {
  text = '';
  marks: InlineMark[] = [];
  markers: InlineMarker[] = [];

  get isEmpty(): boolean {
    return this.text.trim() === '';
  }

  /** Appends text from the page; `raw` keeps whitespace (inside <pre>). */
  append(data: string, raw = false): void {
    if (raw) {
      this.text += data;
      return;
    }
    let collapsed = data.replace(/\s+/g, ' ');
    if (collapsed.startsWith(' ') && (this.text === '' || /\s$/.test(this.text))) collapsed = collapsed.slice(1);
    this.text += collapsed;
  }

  /** A line break (<br>): a collapsed space before it is dropped. */
  lineBreak(): void {
    if (this.text.endsWith(' ')) this.dropLast();
    this.text += '\n';
  }

  /** A cell boundary in a table row. */
  separate(separator: string): void {
    if (this.text !== '' && !/\s$/.test(this.text)) this.text += separator;
  }

  /** Runs `render` and marks what it appended, without a trailing space. */
  mark(type: InlineMark['type'], render: () => void, href?: string): void {
    const start = this.text.length;
    render();
    let end = this.text.length;
    while (end > start && /\s/.test(this.text[end - 1] ?? '')) end -= 1;
    if (end > start) this.marks.push({ type, start, end, ...(href ? { href } : {}) });
  }

  /** Appends a note marker's text and remembers where it is. */
  marker(display: string, target: string): void {
    this.markers.push({ offset: this.text.length, length: display.length, target });
    this.text += display;
  }

  /** The block's final text: trimmed (code keeps its indentation), with marks and markers shifted to match. */
  take(code: boolean): { text: string; marks: InlineMark[]; markers: InlineMarker[] } {
    const full = this.text;
    const trimmed = code ? full.replace(/^(?:[ \t]*\n)+/, '').trimEnd() : full.trim();
    const lead = code ? full.length - full.replace(/^(?:[ \t]*\n)+/, '').length : full.length - full.trimStart().length;
    const clamp = (n: number): number => Math.min(trimmed.length, Math.max(0, n - lead));
    const marks = this.marks.map((m) => ({ ...m, start: clamp(m.start), end: clamp(m.end) })).filter((m) => m.start < m.end);
    const markers = this.markers
      .map((m) => ({ ...m, offset: m.offset - lead }))
      .filter((m) => m.offset >= 0 && m.offset + m.length <= trimmed.length);
    this.text = '';
    this.marks = [];
    this.markers = [];
    return { text: trimmed, marks, markers };
  }

  private dropLast(): void {
    this.text = this.text.slice(0, -1);
    const length = this.text.length;
    for (const m of this.marks) m.end = Math.min(m.end, length);
  }
}

import { describe, expect, it } from 'vitest';
import { detectLayout, splitLines } from './line-layout';

describe('splitLines', () => {
  it('cleans each line: spaces collapsed, ends trimmed, an indent noted', () => {
    expect(splitLines('  An indented   line  \nplain line\n\t\ttabbed\u00a0\u2003line \n   \n')).toEqual([
      { text: 'An indented line', indented: true },
      { text: 'plain line', indented: false },
      { text: 'tabbed line', indented: true },
      { text: '', indented: false },
      { text: '', indented: false },
    ]);
  });

  it('reads CRLF and CR as LF, a form feed as a blank line, and drops a byte-order mark', () => {
    const lf = splitLines('one\ntwo\n\nthree');
    expect(splitLines('\uFEFFone\r\ntwo\r\rthree')).toEqual(lf);
    expect(splitLines('one\ntwo\fthree')).toEqual(lf);
  });

  it('drops control characters, also between spaces that then collapse', () => {
    expect(splitLines('a \u0007 b\u0001c\u007f')).toEqual([{ text: 'a bc', indented: false }]);
    expect(splitLines('\u0001 indented')).toEqual([{ text: 'indented', indented: true }]);
  });

  it('trims white space beyond the collapsed kinds only at the ends of a line', () => {
    expect(splitLines('\u2028 a\u205fb \u1680')).toEqual([{ text: 'a\u205fb', indented: false }]);
  });
});

describe('detectLayout', () => {
  it('takes the 90th percentile of the line lengths as the width, blank lines left out', () => {
    const lines = splitLines(['a'.repeat(2000), ...Array.from({ length: 18 }, (_, i) => 'b'.repeat(10 + i)), '', ''].join('\n'));
    expect(detectLayout(lines).width).toBe(27);
    const long = splitLines(Array.from({ length: 10 }, (_, i) => 'c'.repeat(1500 + i)).join('\n'));
    expect(detectLayout(long)).toEqual({ hardWrapped: false, width: 1509 });
  });
});

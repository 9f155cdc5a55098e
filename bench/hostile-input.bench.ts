// Hostile input against ordinary text of the same length: the reference parser on 100 kB lines,
// the in-text finder on running text and findDocumentCitations on whole documents. A scanner that
// backtracks shows as a ratio in the hundreds; linear code stays within a small factor.
import { parseReference } from '../app/citations/default-parser';
import { findDocumentCitations } from '../app/citations/document-citations';
import { HOSTILE_DOCUMENTS, HOSTILE_REFERENCE_LINES, HOSTILE_RUNNING_TEXTS } from '../app/citations/hostile-inputs';
import { lineBlocksOf } from '../app/citations/test-support';
import { findInTextCitations } from '../app/citations/in-text';
import { time, writeResult } from './harness';

const PROSE = 'Smith (2019) argues that the film, as Lee et al. (2020: 14) note, returns to the village. ';
const REFERENCE = 'Smith, J. A. (1999). A title, “quoted.” In B. Jones (Ed.), Book (pp. 1–2). London: Verso. ';

/** Ordinary text of exactly `length` characters built from `unit`. */
function ordinary(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const rows: Record<string, unknown>[] = [];
async function compare(kind: string, name: string, hostile: string, baseline: string, run: (text: string) => unknown) {
  const h = await time(() => run(hostile), 5, 1);
  const b = await time(() => run(baseline), 5, 1);
  rows.push({ kind, name, chars: hostile.length, hostileMs: round(h.medianMs), baselineMs: round(b.medianMs), ratio: round(h.medianMs / b.medianMs) });
}

for (const [name, line] of Object.entries(HOSTILE_REFERENCE_LINES)) await compare('parseReference', name, line, ordinary(REFERENCE, line.length), parseReference);
for (const text of HOSTILE_RUNNING_TEXTS) await compare('findInTextCitations', text.slice(0, 12), text, ordinary(PROSE, text.length), (t) => findInTextCitations(t));
for (const text of HOSTILE_DOCUMENTS) {
  await compare('findDocumentCitations', text.slice(0, 12), text, ordinary(PROSE + '\n', text.length), (t) => findDocumentCitations({ id: 'x', text: t, blocks: lineBlocksOf(t) }));
}

writeResult('hostile-input', {
  what: 'median ms on each hostile input vs ordinary text of the same length, same run',
  baseline: 'ordinary prose or references repeated to the same length',
  worstRatio: Math.max(...rows.map((row) => row.ratio as number)),
  rows,
});

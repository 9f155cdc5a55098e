/**
 * Reference lists write a run of one author's works with a mark in place of the name: "———.
 * 1989." (Chicago), "---." (MLA typed), "Ders.:" / "Dies.:" (German), "Idem," / "Id." / "Eadem"
 * (Latin, French), "–––, ed." (the same person as editor). One entry alone cannot know the name;
 * the entry before it can. Marks chain: a second "———." takes the names the first one took.
 */
import type { CslItem, CslName } from '../documents/model';

/** A repeated-name mark at the start of an entry, and what follows it. */
const MARK = /^\s{0,8}(?:[—–-]{2,}|_{2,}|(?:Ders|Dies|Dens|Dems)\.|(?:Idem|Eadem|Iidem|Eaedem|Id)\b\.?|Тот\s+же|Он\s+же|Она\s+же)\s*(?<rest>.{0,40})/u;

/** Role words after the mark that make the repeated names editors ("———, ed.", "———, Hrsg."). */
const EDITOR_ROLE = /^[,.:]?\s*\(?(?:eds?|editors?|hrsg|hg|éds?|dir|ред)\.?\)?(?![\p{L}])/iu;

/** Whether `raw` opens with a repeated-name mark. */
export function opensWithRepeatedNames(raw: string): boolean {
  return MARK.test(raw);
}

function namesOf(item: CslItem | undefined): CslName[] | undefined {
  if (!item) return undefined;
  if (item.author?.length) return item.author;
  if (item.editor?.length) return item.editor;
  return undefined;
}

/** A mark the parser may have read as a name ("———", "Ders"). */
function isMarkName(name: CslName): boolean {
  const text = `${name.literal ?? ''}${name.family ?? ''}${name.given ?? ''}`;
  return text === '' || /^[—–_\-.\s]+$/u.test(text) || /^(?:ders|dies|dens|dems|idem|eadem|iidem|eaedem|id)\.?$/iu.test(text.trim());
}

/**
 * The parsed entries with each repeated-name mark replaced by the names it repeats. `raws` are the
 * entries as printed, `items` their parses, in list order.
 */
export function inheritRepeatedNames(raws: readonly string[], items: readonly CslItem[]): CslItem[] {
  const out: CslItem[] = [];
  items.forEach((item, i) => {
    const mark = MARK.exec(raws[i] ?? '');
    const previous = namesOf(out[i - 1]);
    if (!mark || !previous) {
      out.push(item);
      return;
    }
    const asEditor = EDITOR_ROLE.test(mark.groups?.rest ?? '');
    const role = asEditor ? 'editor' : 'author';
    const own = item[role]?.filter((n) => !isMarkName(n)) ?? [];
    // The parser may have read the names that follow a mark ("———, and Jane Doe") or none at all.
    const next: CslItem = { ...item, [role]: [...previous, ...own] };
    if (role === 'author' && next.editor?.every(isMarkName)) delete next.editor;
    out.push(next);
  });
  return out;
}

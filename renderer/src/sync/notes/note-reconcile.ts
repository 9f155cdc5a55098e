/**
 * Brings a bound editor's content to a stored note with the smallest change: blocks that are
 * equal stay, the others are updated in place where their shape allows (a paragraph's text is
 * spliced, so a concurrent edit elsewhere in it survives the merge), replaced, inserted or
 * removed. The binding turns these Lexical changes into the matching Yjs changes.
 */
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, $parseSerializedNode, $setSelection, type ElementNode, type LexicalNode } from 'lexical';
import type { NoteNodeJson } from './note-json';

const keyOf = (node: NoteNodeJson): string => JSON.stringify(node);

/** A node's own fields (not its children). */
function ownFields(node: NoteNodeJson): Record<string, unknown> {
  const { children: _children, ...rest } = node;
  return rest;
}

/** Pairs [i, j] of a longest common subsequence of equal items, in order. */
export function commonPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && n * m <= 4_000_000) {
    // lengths[i][j]: LCS of a[start+i..endA) and b[start+j..endB).
    const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i]![j] = a[start + i] === b[start + j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        pairs.push([start + i, start + j]);
        i++;
        j++;
      } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
      else j++;
    }
  }
  for (let k = 0; endA + k < a.length; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

function parse(node: NoteNodeJson): LexicalNode {
  return $parseSerializedNode(node);
}

/** Makes `node` (stored as `current`) read as `target`; returns the node now in its place. */
function $patchNode(node: LexicalNode, current: NoteNodeJson, target: NoteNodeJson): LexicalNode {
  if (keyOf(current) === keyOf(target)) return node;
  if (current.type === target.type) {
    const own = ownFields(target);
    if ($isTextNode(node) && typeof target.text === 'string') {
      const { text: _text, ...currentRest } = ownFields(current);
      const { text: _targetText, ...targetRest } = own;
      // Only the fields Lexical's own importer sets can be updated in place (a citation's target cannot).
      if (target.type === 'text' || JSON.stringify(currentRest) === JSON.stringify(targetRest)) {
        const writable = node.getWritable();
        if (writable.getTextContent() !== target.text) writable.setTextContent(target.text);
        writable.updateFromJSON(own);
        return writable;
      }
    } else if ($isElementNode(node) && Array.isArray(target.children)) {
      if (JSON.stringify(ownFields(current)) !== JSON.stringify(own)) node.updateFromJSON(own);
      $reconcileChildren(node, current.children ?? [], target.children);
      return node;
    }
  }
  const created = parse(target);
  node.replace(created);
  return created;
}

/**
 * Brings the children of `parent` (serialized as `current`, in order) to `target`: equal
 * children stay, the rest are patched pairwise, inserted or removed.
 */
export function $reconcileChildren(parent: ElementNode, current: readonly NoteNodeJson[], target: readonly NoteNodeJson[]): void {
  const nodes = parent.getChildren();
  const pairs = commonPairs(current.map(keyOf), target.map(keyOf));
  let i = 0;
  let j = 0;
  let anchor: LexicalNode | null = null;
  const place = (created: LexicalNode) => {
    if (anchor) anchor.insertAfter(created);
    else {
      const first = parent.getFirstChild();
      if (first) first.insertBefore(created);
      else parent.append(created);
    }
    anchor = created;
  };
  for (const [nextI, nextJ] of [...pairs, [current.length, target.length] as [number, number]]) {
    const common = Math.min(nextI - i, nextJ - j);
    for (let k = 0; k < common; k++) anchor = $patchNode(nodes[i + k]!, current[i + k]!, target[j + k]!);
    for (let k = i + common; k < nextI; k++) nodes[k]!.remove();
    for (let k = j + common; k < nextJ; k++) place(parse(target[k]!));
    if (nextI < current.length) anchor = nodes[nextI]!;
    i = nextI + 1;
    j = nextJ + 1;
  }
}

/** Brings the editor's root (serialized as `current`) to `target`, inside an editor update. */
export function $bringRootTo(current: readonly NoteNodeJson[], target: readonly NoteNodeJson[]): void {
  $reconcileChildren($getRoot(), current, target);
}

/** Replaces the editor's root content with `target`, inside an editor update. */
export function $replaceRoot(target: readonly NoteNodeJson[]): void {
  const root = $getRoot();
  root.clear();
  root.append(...target.map(parse));
}

/**
 * The blocks Yjs should hold when this machine changed `base` into `local` while Yjs moved from
 * `base` to `current` (a three-way merge by top-level block): blocks changed or added here take
 * their place, blocks removed here go, and every block changed or added elsewhere stays. A block
 * changed on both sides is kept in both versions, so no word of either is lost.
 */
export function mergeBlocks(base: readonly NoteNodeJson[], current: readonly NoteNodeJson[], local: readonly NoteNodeJson[]): NoteNodeJson[] {
  const baseKeys = base.map(keyOf);
  const keptHere = new Map<number, number>(commonPairs(baseKeys, local.map(keyOf)));
  const localToBase = new Map<number, number>([...keptHere].map(([b, l]) => [l, b]));
  const currentToBase = new Map<number, number>(commonPairs(baseKeys, current.map(keyOf)).map(([b, c]) => [c, b]));
  // Blocks new here, by the base block they follow (-1: the start).
  const inserts = new Map<number, NoteNodeJson[]>();
  let after = -1;
  local.forEach((block, l) => {
    const b = localToBase.get(l);
    if (b !== undefined) after = b;
    else inserts.set(after, [...(inserts.get(after) ?? []), block]);
  });
  const out: NoteNodeJson[] = [];
  const emit = (b: number) => {
    out.push(...(inserts.get(b) ?? []));
    inserts.delete(b);
  };
  emit(-1);
  current.forEach((block, c) => {
    const b = currentToBase.get(c);
    if (b === undefined) out.push(block);
    else {
      if (keptHere.has(b)) out.push(block);
      emit(b);
    }
  });
  // Blocks written here after a block removed elsewhere: kept, at the end.
  for (const blocks of inserts.values()) out.push(...blocks);
  return out;
}

/** Where a collapsed caret sits, as a character offset over the note's text nodes; null without one. */
function $caretOffset(): number | 'end' | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const { anchor } = selection;
  if (anchor.type !== 'text') return 'end';
  let offset = 0;
  for (const node of $getRoot().getAllTextNodes()) {
    if (node.getKey() === anchor.key) return offset + anchor.offset;
    offset += node.getTextContentSize();
  }
  return 'end';
}

/**
 * Runs `change` (which may replace the nodes the caret is in) with the selection cleared, then
 * puts a caret that was there back at the same character offset, so typing carries on in place.
 */
export function $keepingCaret(change: () => void): void {
  const caret = $caretOffset();
  $setSelection(null);
  change();
  if (caret === null) return;
  if (caret !== 'end') {
    let left = caret;
    for (const node of $getRoot().getAllTextNodes()) {
      const size = node.getTextContentSize();
      if (left <= size) {
        node.select(left, left);
        return;
      }
      left -= size;
    }
  }
  $getRoot().selectEnd();
}

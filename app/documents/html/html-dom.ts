/**
 * The parsed tree of a page, from htmlparser2: plain objects, no DOM. Lectern parses HTML this way
 * because imports run in a Web Worker (no DOMParser there) and in Node for the command line, and
 * because a tree of plain objects can never run a script or load a resource.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, Text, type AnyNode, type Document, type Element } from 'domhandler';
import { limitTagDepth } from './tag-depth';

export type { AnyNode, Document, Element };
export { isTag, isText };

/** Documents whose markup was cut at MAX_ELEMENT_DEPTH before parsing (limitDepth reports them). */
const CUT_BEFORE_PARSING = new WeakSet<Document>();

/** Parses HTML (or, with `xhtml`, well-formed XHTML whose `<x/>` tags close themselves). */
export function parseHtml(source: string, xhtml = false): Document {
  const limited = limitTagDepth(source, MAX_ELEMENT_DEPTH, xhtml);
  const document = parseDocument(limited.source, { decodeEntities: true, recognizeSelfClosing: xhtml, lowerCaseAttributeNames: true });
  if (limited.flattened) CUT_BEFORE_PARSING.add(document);
  return document;
}

/** Parses XML (OPF, container.xml, docProps): every `<x/>` closed; attribute names lowercased, as in HTML. */
export function parseXml(source: string): Document {
  return parseDocument(limitTagDepth(source, MAX_ELEMENT_DEPTH, true).source, { xmlMode: true, decodeEntities: true, lowerCaseAttributeNames: true });
}

/** An attribute's value, or '' when absent. */
export function attr(element: Element, name: string): string {
  return element.attribs[name] ?? '';
}

/** Child elements of a node. */
export function childElements(node: AnyNode): Element[] {
  return 'children' in node ? node.children.filter(isTag) : [];
}

/** Every element under `root` (depth first, document order) that passes `test`. */
export function findAll(root: AnyNode, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (isTag(node) && test(node)) found.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return found;
}

/** The first element under `root` that passes `test`. */
export function findFirst(root: AnyNode, test: (element: Element) => boolean): Element | undefined {
  return findAll(root, test)[0];
}

/** Local name without a namespace prefix: "dc:title" → "title". */
export function localName(element: Element): string {
  const name = element.name.toLowerCase();
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** All text under a node, tags removed, whitespace collapsed. */
export function textOf(node: AnyNode): string {
  return rawTextOf(node).replace(/\s+/g, ' ').trim();
}

/** All text under a node as written, in document order, without recursion (pages can nest thousands deep). */
export function rawTextOf(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n) break;
    if (isText(n)) parts.push(n.data);
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
  }
  return parts.join('');
}

/**
 * Elements nested deeper than this are read as plain text: real pages and books nest a few
 * dozen levels; a hostile one nests thousands, which would overflow every recursive walk.
 */
export const MAX_ELEMENT_DEPTH = 200;

/** The warning for a file whose deeper parts were read as plain text; `name` is already quoted. */
export function nestingWarning(name: string, maxDepth: number): string {
  return `${name} nests its content more than ${maxDepth} levels deep; Lectern read the deeper parts as plain text (their words are all kept).`;
}

/**
 * Flattens whatever lies deeper than `maxDepth` elements into its text, in place; says whether it
 * did (or whether parseHtml already cut the document's markup). Real pages nest a few dozen levels; a hostile one nests thousands, which would overflow the
 * recursive serializers under DOMPurify (browsers cap nesting near 512 for the same reason).
 */
export function limitDepth(root: AnyNode, maxDepth: number): boolean {
  let changed = CUT_BEFORE_PARSING.has(root as Document);
  const stack: { node: AnyNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { node, depth } = item;
    if (!('children' in node)) continue;
    if (depth >= maxDepth && node.children.some(isTag)) {
      const text = new Text(textOf(node));
      for (const child of node.children) child.parent = null;
      text.parent = node;
      node.children = [text];
      changed = true;
      continue;
    }
    for (const child of node.children) stack.push({ node: child, depth: isTag(child) ? depth + 1 : depth });
  }
  return changed;
}

/**
 * Drops every event-handler attribute (onerror, onclick...) in place. DOMPurify removes them too;
 * doing it first means no browser ever parses one, not even inertly inside DOMPurify.
 */
export function dropEventHandlers(root: AnyNode): void {
  for (const element of findAll(root, (e) => Object.keys(e.attribs).some(isHandler))) {
    for (const name of Object.keys(element.attribs)) if (isHandler(name)) delete element.attribs[name];
  }
}

function isHandler(attribute: string): boolean {
  return attribute.length > 2 && attribute.toLowerCase().startsWith('on');
}

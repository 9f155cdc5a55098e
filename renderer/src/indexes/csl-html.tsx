import { Fragment, type ReactNode } from 'react';

/** Tags of citeproc's HTML that carry meaning in a reference (a title in italics); the rest is unwrapped. */
const KEPT: Record<string, 'i' | 'b' | 'sup' | 'sub'> = { I: 'i', EM: 'i', B: 'b', STRONG: 'b', SUP: 'sup', SUB: 'sub' };

function spanTag(element: Element): 'i' | 'b' | null {
  const style = element.getAttribute('style') ?? '';
  if (/font-style:\s*italic/u.test(style)) return 'i';
  if (/font-weight:\s*bold/u.test(style)) return 'b';
  return null;
}

function convert(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const children = [...element.childNodes].map(convert);
  const tag = KEPT[element.tagName] ?? (element.tagName === 'SPAN' ? spanTag(element) : null);
  const Tag = tag;
  return Tag ? <Tag key={key}>{children}</Tag> : <Fragment key={key}>{children}</Fragment>;
}

/**
 * A formatted reference from citeproc's HTML output as React elements: text, italics, bold,
 * superscripts. Nothing else of the markup reaches the page (reference entries come from
 * imported documents, so their text is never trusted as HTML).
 */
export function cslHtmlToReact(html: string): ReactNode {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const entry = parsed.querySelector('.csl-entry') ?? parsed.body;
  return [...entry.childNodes].map(convert);
}

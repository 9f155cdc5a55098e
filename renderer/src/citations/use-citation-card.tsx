import { useCallback, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { StoredCitation, StoredReference } from '../../../app/store/records';
import { useServices } from '../services/context';
import { whichShortcut } from '../shell/keymap';
import { CitationCard } from './CitationCard';

/** Milliseconds before a card closes once the pointer leaves, so it can be reached. */
const CLOSE_DELAY = 250;

/**
 * Hover or keyboard focus on a citation opens its card; a click (or Enter) jumps to the
 * reference entry. Returns event handlers for the pane and the card to render.
 */
export function useCitationCard(
  paneRef: RefObject<HTMLElement | null>,
  citations: readonly StoredCitation[],
  references: readonly StoredReference[],
  jumpTo: (offset: number) => void,
): { handlers: Record<string, (event: React.SyntheticEvent) => void>; card: ReactNode } {
  const { commands } = useServices();
  const [active, setActive] = useState<{ id: string; top: number; left: number } | null>(null);
  // What the focused citation points to, for a screen reader (hover cards are not announced).
  const [spoken, setSpoken] = useState('');
  const closeTimer = useRef<number | undefined>(undefined);
  const byId = useMemo(() => new Map(citations.map((c) => [c.id, c])), [citations]);
  const referencesById = useMemo(() => new Map(references.map((r) => [r.id, r])), [references]);

  const open = useCallback(
    (element: HTMLElement) => {
      const pane = paneRef.current;
      const id = element.dataset.citationId;
      if (!pane || !id) return;
      window.clearTimeout(closeTimer.current);
      const rect = element.getBoundingClientRect();
      const box = pane.getBoundingClientRect();
      const left = Math.max(8, Math.min(rect.left - box.left, box.width - 16 - Math.min(416, box.width * 0.9)));
      setActive({ id, top: rect.bottom - box.top + 6, left });
    },
    [paneRef],
  );
  const closeSoon = useCallback(() => {
    window.clearTimeout(closeTimer.current);
    closeTimer.current = window.setTimeout(() => setActive(null), CLOSE_DELAY);
  }, []);

  const jump = useCallback(
    (citationId: string, beside: boolean) => {
      const citation = byId.get(citationId);
      const reference = citation?.referenceIds.map((id) => referencesById.get(id)).find(Boolean);
      if (reference?.start === undefined) return;
      // Shift opens the entry side by side, so the passage and its reference stay in view together.
      if (beside) commands.open({ docId: reference.docId, offset: reference.start, newPane: true });
      else jumpTo(reference.start);
    },
    [byId, referencesById, jumpTo, commands],
  );

  const citationOf = (event: React.SyntheticEvent) => (event.target as Element).closest<HTMLElement>('[data-citation-id]');
  const handlers = {
    onMouseOver: (event: React.SyntheticEvent) => {
      const element = citationOf(event);
      if (element) open(element);
    },
    onMouseOut: (event: React.SyntheticEvent) => {
      if (citationOf(event)) closeSoon();
    },
    onFocus: (event: React.SyntheticEvent) => {
      const element = citationOf(event);
      if (!element) return;
      open(element);
      const cited = byId.get(element.dataset.citationId ?? '');
      if (cited) setSpoken(citationTarget(cited, referencesById));
    },
    onBlur: (event: React.SyntheticEvent) => {
      if (!citationOf(event)) return;
      closeSoon();
      setSpoken('');
    },
    onClickCapture: (event: React.SyntheticEvent) => {
      const element = citationOf(event);
      const shift = (event as React.MouseEvent).shiftKey;
      // A plain click that ends a text selection is a selection, not a jump; Shift+click extends
      // the selection by itself, so it always counts as a jump.
      if (element?.dataset.citationId && (shift || window.getSelection()?.isCollapsed !== false)) {
        if (shift) window.getSelection()?.removeAllRanges();
        jump(element.dataset.citationId, shift);
      }
    },
    onKeyDownCapture: (event: React.SyntheticEvent) => {
      const element = citationOf(event);
      const shortcut = whichShortcut(['citation-open', 'citation-open-beside', 'citation-close'], event as React.KeyboardEvent);
      if (element?.dataset.citationId && (shortcut === 'citation-open' || shortcut === 'citation-open-beside')) {
        event.preventDefault();
        jump(element.dataset.citationId, shortcut === 'citation-open-beside');
      } else if (shortcut === 'citation-close' && active) {
        setActive(null);
      }
    },
  };

  const citation = active ? byId.get(active.id) : undefined;
  const card = citation ? (
    <CitationCard
      citation={citation}
      references={citation.referenceIds.flatMap((id) => referencesById.get(id) ?? [])}
      siblings={citations.filter((other) => other.referenceIds.some((id) => citation.referenceIds.includes(id)))}
      spot={{ top: active!.top, left: active!.left }}
      onJump={(reference) => reference.start !== undefined && jumpTo(reference.start)}
      onPointerEnter={() => window.clearTimeout(closeTimer.current)}
      onPointerLeave={closeSoon}
    />
  ) : null;
  const announcer = (
    <span className="visually-hidden" role="status" data-citation-announcer="">
      {spoken}
    </span>
  );
  return {
    handlers,
    card: (
      <>
        {card}
        {announcer}
      </>
    ),
  };
}

/** "Cites: Bykov, D. (2017). Dve bedy…": the entries a citation points to, or that it has none. */
export function citationTarget(citation: StoredCitation, referencesById: ReadonlyMap<string, StoredReference>): string {
  const entries = citation.referenceIds.flatMap((id) => referencesById.get(id)?.raw ?? []);
  if (entries.length) return `${citation.kind === 'mention' ? 'Names the author of' : 'Cites'}: ${entries.join('; ')}`;
  return citation.kind === 'footnote' ? 'A footnote marker.' : 'No entry in the reference list matches this citation.';
}

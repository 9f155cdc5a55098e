import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { setCitationStyle, useCitationStyle } from '../citations/citation-style';
import { CITATION_STYLES, type CitationStyleId } from '../citations/styles';
import { useServices } from '../services/context';
import { menuKey } from '../shell/menu-keys';
import { copyCitation, loadCiteFormatter, resolveTarget, type CiteChoice, type CiteTarget } from './cite-target';
import { setCiteTool, useCiteTool } from './cite-settings';
import './writing.css';

/** One line of the menu: a tool (and style) and what it would copy. */
interface CiteOption {
  id: string;
  label: string;
  choice: CiteChoice;
}

function options(style: string): CiteOption[] {
  return [
    { id: 'pandoc', label: 'Copy for pandoc / Markdown', choice: { tool: 'pandoc', style } },
    { id: 'latex', label: 'Copy for LaTeX (biblatex)', choice: { tool: 'latex', style } },
    ...CITATION_STYLES.map((entry) => ({ id: `formatted-${entry.id}`, label: `Copy formatted, ${entry.label}`, choice: { tool: 'formatted' as const, style: entry.id } })),
  ];
}


/** Copies `target` for `choice` and tells the student what was copied, remembering the choice. */
export function useCopyCitation(): (target: CiteTarget, choice: CiteChoice) => Promise<void> {
  const { database, notices } = useServices();
  return async (target, choice) => {
    setCiteTool(choice.tool);
    if (choice.tool === 'formatted') setCitationStyle(choice.style as CitationStyleId);
    const result = await copyCitation(database, target, choice);
    if (result.ok) notices.info(`Copied: ${result.value}`);
    else notices.error(result.error);
  };
}

/** The last choice, for the copy shortcut. */
export function useLastCiteChoice(): CiteChoice {
  const tool = useCiteTool();
  const style = useCitationStyle();
  return { tool, style };
}

/**
 * "Cite ▾": a small menu copying a highlight or a work as a citation for pandoc, LaTeX or in a
 * style, each line showing what it would copy; the last choice is marked and remembered. Arrows
 * move, Enter copies, Escape closes and gives focus back to the button.
 */
export function CiteMenu({ target, label = 'Cite', className = 'button button-quiet button-small' }: { target: CiteTarget; label?: string; className?: string }) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const toggle = () => {
    if (position) {
      setPosition(null);
      return;
    }
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const width = 320;
    const left = Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8));
    // Below the button, or above it when the menu would run off the bottom of the window.
    const top = rect.bottom + 4 + 240 > window.innerHeight ? Math.max(8, rect.top - 4 - 240) : rect.bottom + 4;
    setPosition({ top, left });
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`${className} cite-menu-button`}
        aria-haspopup="menu"
        aria-expanded={position !== null}
        aria-controls={position ? menuId : undefined}
        title="Copy as a citation for pandoc, LaTeX or in a style (Ctrl+Shift+L copies as last chosen)"
        onClick={toggle}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {position
        ? createPortal(
            <CitePopup
              id={menuId}
              target={target}
              position={position}
              button={button}
              onClose={(refocus) => {
                setPosition(null);
                if (refocus) button.current?.focus();
              }}
            />,
            document.body,
          )
        : null}
    </>
  );
}

/** The open menu: reads the library (through the services) only while it is shown. */
function CitePopup({ id, target, position, button, onClose }: { id: string; target: CiteTarget; position: { top: number; left: number }; button: React.RefObject<HTMLButtonElement | null>; onClose: (refocus: boolean) => void }) {
  const { database } = useServices();
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const menu = useRef<HTMLDivElement>(null);
  const last = useLastCiteChoice();
  const copy = useCopyCitation();
  const shown = options(last.style);
  const targetKey = target.kind === 'highlight' ? `h:${target.annotationId}` : `w:${target.owner}`;
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    let live = true;
    void (async () => {
      // Shown, not copied: the key is made if need be but not pinned.
      const [resolved, format] = await Promise.all([resolveTarget(database, target, false), loadCiteFormatter()]);
      if (!live || !resolved.ok) return;
      // A highlight's quote is the same on every line: the lines show the citation that follows it.
      const shownTarget = resolved.value.quote === undefined ? resolved.value : { ...resolved.value, quote: '…' };
      setPreviews(Object.fromEntries(options(last.style).map((option) => [option.id, format(shownTarget, option.choice)])));
    })();
    return () => {
      live = false;
    };
    // The target is compared by its identity key, so a new object for the same target does not recompute.
  }, [database, targetKey, last.style]);

  useEffect(() => {
    const current = menu.current?.querySelector<HTMLElement>('[aria-checked="true"]') ?? menu.current?.querySelector<HTMLElement>('[role^="menuitem"]');
    current?.focus();
    const onDown = (event: MouseEvent) => {
      const inside = menu.current?.contains(event.target as Node) || button.current?.contains(event.target as Node);
      if (!inside) latestClose.current(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [button]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    if (menuKey(event, menu.current) !== 'close') return;
    // Tab leaves the menu as the platform's menus do; Escape goes back to the button.
    if (event.key === 'Tab') event.preventDefault();
    onClose(true);
  };


  const isLast = (option: CiteOption) => option.choice.tool === last.tool && (last.tool !== 'formatted' || option.choice.style === last.style);

  return (
    <div ref={menu} className="cite-menu" role="menu" id={id} aria-label="Copy as citation" style={{ top: position.top, left: position.left }} onKeyDown={onMenuKey}>
      {shown.map((option) => (
        <button
          key={option.id}
          type="button"
          role="menuitemradio"
          aria-checked={isLast(option)}
          tabIndex={-1}
          data-cite-option={option.id}
          onClick={() => {
            onClose(true);
            void copy(target, option.choice);
          }}
        >
          <span className="cite-menu-check" aria-hidden="true">
            {isLast(option) ? '✓' : ''}
          </span>
          <span className="cite-menu-text">
            <span className="cite-menu-label">{option.label}</span>
            <code className="cite-menu-preview">{previews[option.id] ?? '…'}</code>
          </span>
        </button>
      ))}
    </div>
  );
}

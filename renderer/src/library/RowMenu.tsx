import { useEffect, useRef } from 'react';
import { whichShortcut } from '../shell/keymap';
import type { CollectionListItem } from '../../../app/store/collections-repo';
import type { CiteTool } from '../../../app/writing/cite-as';

/** What a row's menu can do. */
export interface RowMenuProps {
  /** The button that opened the menu, in viewport coordinates. */
  anchor: DOMRect;
  collections: readonly CollectionListItem[];
  /** The collection the library is showing, offered as "Remove from …". */
  current?: CollectionListItem;
  onTags: () => void;
  onOpenBeside: () => void;
  onAddTo: (collectionId: string) => void;
  onNewCollection: () => void;
  onRemoveFromCurrent: () => void;
  onTrash: () => void;
  /** Copies the document as a citation for pandoc, LaTeX or in the chosen citation style. */
  onCopyCitation?: (tool: CiteTool) => void;
  onClose: () => void;
}

/** The menu of one library row: tags, collections, open beside, move to the trash. */
export function RowMenu({ anchor, collections, current, onTags, onOpenBeside, onAddTo, onNewCollection, onRemoveFromCurrent, onTrash, onCopyCitation, onClose }: RowMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (event: MouseEvent) => {
      // The cell holds the button that toggles this menu: leave that click to the button.
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) close.current();
    };
    // The menu is placed against the viewport, so it closes rather than float off its row.
    const onScroll = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) close.current();
    };
    document.addEventListener('mousedown', onDown);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, []);

  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    event.stopPropagation();
    const shortcut = whichShortcut(['menu-close', 'menu-next', 'menu-previous'], event);
    if (shortcut === 'menu-close') onClose();
    if (shortcut !== 'menu-next' && shortcut !== 'menu-previous') return;
    event.preventDefault();
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + (shortcut === 'menu-next' ? 1 : -1) + items.length) % items.length]?.focus();
  };

  // Opens below its button, or above when the row sits near the bottom of the window.
  const below = anchor.bottom + 320 < window.innerHeight;
  const style: React.CSSProperties = below
    ? { top: anchor.bottom + 4, right: window.innerWidth - anchor.right }
    : { bottom: window.innerHeight - anchor.top + 4, right: window.innerWidth - anchor.right };

  return (
    <div ref={menuRef} style={style} className="row-menu" role="menu" aria-label="Document actions" onClick={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
      <button type="button" role="menuitem" onClick={run(onTags)}>
        Tags…
      </button>
      <button type="button" role="menuitem" onClick={run(onOpenBeside)}>
        Open in a new pane
      </button>
      {onCopyCitation ? (
        <>
          <div className="row-menu-separator" role="separator" />
          <div className="row-menu-label">Copy citation</div>
          <button type="button" role="menuitem" className="row-menu-indent" onClick={run(() => onCopyCitation('pandoc'))}>
            For pandoc / Markdown
          </button>
          <button type="button" role="menuitem" className="row-menu-indent" onClick={run(() => onCopyCitation('latex'))}>
            For LaTeX (biblatex)
          </button>
          <button type="button" role="menuitem" className="row-menu-indent" onClick={run(() => onCopyCitation('formatted'))}>
            Formatted, in the chosen style
          </button>
        </>
      ) : null}
      <div className="row-menu-separator" role="separator" />
      <div className="row-menu-label">Add to collection</div>
      {collections.map((collection) => (
        <button key={collection.id} type="button" role="menuitem" className="row-menu-indent" onClick={run(() => onAddTo(collection.id))}>
          {collection.name}
        </button>
      ))}
      <button type="button" role="menuitem" className="row-menu-indent" onClick={run(onNewCollection)}>
        New collection…
      </button>
      {current ? (
        <button type="button" role="menuitem" onClick={run(onRemoveFromCurrent)}>
          Remove from “{current.name}”
        </button>
      ) : null}
      <div className="row-menu-separator" role="separator" />
      <button type="button" role="menuitem" className="row-menu-danger" onClick={run(onTrash)}>
        Move to Trash…
      </button>
    </div>
  );
}

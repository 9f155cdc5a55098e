import { useEffect, useLayoutEffect, useRef } from 'react';
import { useServices } from '../services/context';
import { useUi, type IndexFocus } from '../services/ui-store';

/**
 * Brings the entry another view asked for (UiState.indexFocus) into view: its tab opened, the
 * filter cleared, the row scrolled to and focused. A row the paged list has not drawn is found
 * by filtering the tab to it. The request is cleared once served.
 */
export function useIndexFocus(ready: boolean, tab: IndexFocus['tab'], showTab: (tab: IndexFocus['tab']) => void, setFilter: (tab: IndexFocus['tab'], filter: string) => void): void {
  const { ui } = useServices();
  const focus = useUi(ui, (state) => state.indexFocus);
  const filtered = useRef<IndexFocus | null>(null);
  const opened = useRef<IndexFocus | null>(null);
  const actions = useRef({ showTab, setFilter });
  actions.current = { showTab, setFilter };

  // Once per request: the tab opened, its filter cleared.
  useEffect(() => {
    if (!focus) return;
    actions.current.showTab(focus.tab);
    actions.current.setFilter(focus.tab, '');
    opened.current = focus;
  }, [focus]);

  useLayoutEffect(() => {
    if (!focus || !ready || tab !== focus.tab || opened.current !== focus) return;
    const attribute = focus.tab === 'works' ? 'data-work-key' : 'data-person-key';
    const row = document.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(focus.key)}"]`);
    if (!row) {
      if (filtered.current === focus) {
        ui.set({ indexFocus: null });
      } else {
        filtered.current = focus;
        actions.current.setFilter(focus.tab, focus.query);
      }
      return;
    }
    row.tabIndex = -1;
    row.classList.add('index-row-focused');
    row.addEventListener('blur', () => row.classList.remove('index-row-focused'), { once: true });
    row.scrollIntoView({ block: 'center' });
    row.focus({ preventScroll: true });
    filtered.current = null;
    ui.set({ indexFocus: null });
  });
}

import { $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from 'lexical';

/** Bold, italic, lists, block quote and link: the formatting a note needs. Ctrl+B / Ctrl+I work too. */
export function NoteToolbar() {
  const [editor] = useLexicalComposerContext();
  const quote = () =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createQuoteNode());
    });
  const link = () => {
    const url = window.prompt('Link address (https://…)');
    if (url === null) return;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') editor.dispatchCommand(TOGGLE_LINK_COMMAND, parsed.href);
    } catch {
      // Not a web address: nothing to link.
    }
  };
  const button = (label: string, title: string, onClick: () => void, className = '') => (
    <button type="button" className={`note-tool ${className}`} title={title} aria-label={title} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {/* A glyph such as "1." is an icon, not a text label: drawn by CSS, it stays out of the name. */}
      {label === title ? label : <span className="note-glyph" data-glyph={label} aria-hidden="true" />}
    </button>
  );
  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting">
      {button('B', 'Bold (Ctrl+B)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), 'note-tool-bold')}
      {button('I', 'Italic (Ctrl+I)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), 'note-tool-italic')}
      {button('•', 'Bulleted list', () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined))}
      {button('1.', 'Numbered list', () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined))}
      {button('❝', 'Block quote', quote)}
      {button('Link', 'Link', link)}
    </div>
  );
}

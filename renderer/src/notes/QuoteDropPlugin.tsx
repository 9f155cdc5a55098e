import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, DROP_COMMAND, DRAGOVER_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { inQuotes } from '../../../app/export/quote-marks';
import { HIGHLIGHT_MIME, readHighlightDrag } from '../highlights/drag';
import { $createCitationNode } from './CitationNode';
import { useServices } from '../services/context';
import { quoteFromHighlight, type NotebookQuote } from './quote-from-highlight';

/** Inserts a quote with its citation after the block holding the caret, or at the end. */
function insertQuote(editor: ReturnType<typeof useLexicalComposerContext>[0], item: NotebookQuote): void {
  editor.update(() => {
    const quote = $createQuoteNode();
    quote.append($createTextNode(`${inQuotes(item.quote)} `), $createCitationNode(item.citation, { docId: item.docId, annotationId: item.annotationId }));
    const after = $createParagraphNode();
    const selection = $getSelection();
    const anchorBlock = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
    if (anchorBlock) anchorBlock.insertAfter(quote);
    else $getRoot().append(quote);
    quote.insertAfter(after);
    after.select();
  });
}

/** Lets a highlight dragged from a pane or a sidebar drop into the notebook as a cited quote. */
export function QuoteDropPlugin({ notebookId }: { notebookId: string }) {
  const [editor] = useLexicalComposerContext();
  const { database, commands, notices } = useServices();
  const { inbox } = commands;

  // Quotes sent from the keyboard ("Quote in notebook") arrive through the inbox.
  useEffect(() => {
    const drain = () => {
      for (const item of inbox.take(notebookId)) {
        void quoteFromHighlight(database, item.docId, item.annotationId).then((quote) => {
          if (quote) insertQuote(editor, quote);
          else notices.error('That highlight is no longer in your library.');
        });
      }
    };
    drain();
    return inbox.listen(notebookId, drain);
  }, [editor, database, inbox, notebookId, notices]);

  useEffect(() => {
    const offDragOver = editor.registerCommand(
      DRAGOVER_COMMAND,
      (event) => {
        if (!event.dataTransfer?.types.includes(HIGHLIGHT_MIME)) return false;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    const offDrop = editor.registerCommand(
      DROP_COMMAND,
      (event) => {
        const dragged = readHighlightDrag(event.dataTransfer);
        if (!dragged) return false;
        event.preventDefault();
        void quoteFromHighlight(database, dragged.docId, dragged.annotationId).then((item) => {
          if (item) insertQuote(editor, item);
          else notices.error('That highlight is no longer in your library.');
        });
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    return () => {
      offDragOver();
      offDrop();
    };
  }, [editor, database, notices]);
  return null;
}

import { describe, expect, it, vi } from 'vitest';
import { createCommands, type OpenRequest, type QuoteRequest } from './commands';
import { createUiStore } from './ui-store';

function setup() {
  const ui = createUiStore(null);
  const commands = createCommands(ui);
  const opened: OpenRequest[] = [];
  const quoted: QuoteRequest[] = [];
  const stop = commands.handleWorkspace({ open: (request) => opened.push(request), quoteToNotebook: (request) => quoted.push(request) });
  return { ui, commands, opened, quoted, stop };
}

describe('commands', () => {
  it('hands open and quote requests to the workspace that registered', () => {
    const { commands, opened, quoted } = setup();
    commands.open({ docId: 'a', offset: 120, newPane: true });
    commands.quoteToNotebook({ docId: 'a', annotationId: 'h1' });
    expect(opened).toEqual([{ docId: 'a', offset: 120, newPane: true }]);
    expect(quoted).toEqual([{ docId: 'a', annotationId: 'h1' }]);
  });

  it('says so when no workspace handles a request, and an old registration cannot remove a newer one', () => {
    const { commands, opened, stop } = setup();
    const newer: OpenRequest[] = [];
    commands.handleWorkspace({ open: (request) => newer.push(request), quoteToNotebook: () => undefined });
    stop();
    commands.open({ docId: 'b' });
    expect(newer).toEqual([{ docId: 'b' }]);
    expect(opened).toEqual([]);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fresh = createCommands(createUiStore(null));
    fresh.open({ docId: 'c' });
    expect(error).toHaveBeenCalledWith('No workspace handles “open” yet.');
    error.mockRestore();
  });

  it('opens the export dialog through the UI store', () => {
    const { ui, commands } = setup();
    const seen: unknown[] = [];
    ui.subscribe(() => seen.push(ui.get().exporting));
    commands.exportScope({ scope: 'works-cited', docIds: ['a'] });
    expect(ui.get().exporting).toEqual({ scope: 'works-cited', docIds: ['a'] });
    expect(seen).toEqual([{ scope: 'works-cited', docIds: ['a'] }]);
  });

  it('opens the find bar of the pane asked for only', () => {
    const { commands } = setup();
    const left = vi.fn();
    const right = vi.fn();
    const stopLeft = commands.handleFind('left', left);
    commands.handleFind('right', right);
    commands.find('right');
    expect(right).toHaveBeenCalledTimes(1);
    expect(left).not.toHaveBeenCalled();
    stopLeft();
    commands.find('left');
    commands.find('no-such-pane');
    expect(left).not.toHaveBeenCalled();
  });

  it('queues quotes for a notebook until its editor takes them, and tells an open editor', () => {
    const { commands } = setup();
    const { inbox } = commands;
    inbox.send('n1', { docId: 'a', annotationId: 'h1' });
    const told = vi.fn();
    const stop = inbox.listen('n1', told);
    inbox.send('n1', { docId: 'a', annotationId: 'h2' });
    inbox.send('n2', { docId: 'b', annotationId: 'h3' });
    expect(told).toHaveBeenCalledTimes(1);
    expect(inbox.take('n1')).toEqual([
      { docId: 'a', annotationId: 'h1' },
      { docId: 'a', annotationId: 'h2' },
    ]);
    expect(inbox.take('n1')).toEqual([]);
    stop();
    inbox.send('n1', { docId: 'a', annotationId: 'h4' });
    expect(told).toHaveBeenCalledTimes(1);
    expect(inbox.take('n2')).toEqual([{ docId: 'b', annotationId: 'h3' }]);
  });
});

import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropFiles, highlightPassage } from './actions';
import { screenshot, SEEDS } from './browser';
import { importAndOpenSeed, importSeeds, savedWorkspace, seed, useApp, waitForNotesSaved } from './fixtures';

const seed001 = seed('001');
const seed004 = seed('004');

/** Selects `phrase` (which may run across blocks) inside a pane's article and releases the mouse there. */
async function selectText(pane: Locator, phrase: string, endPhrase?: string): Promise<void> {
  await pane.evaluate(
    (root, [first, last]) => {
      const article = root.querySelector('.pane-article')!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const locate = (needle: string, fromEnd: boolean) => {
        for (const node of nodes) {
          const at = node.data.indexOf(needle);
          if (at >= 0) return { node, offset: fromEnd ? at + needle.length : at };
        }
        throw new Error(`text not found: ${needle}`);
      };
      const start = locate(first, false);
      const end = last ? locate(last, true) : { node: start.node, offset: start.offset + first.length };
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [phrase, endPhrase ?? ''] as const,
  );
}

/** Drags with real HTML5 drag events carrying a shared DataTransfer, as a mouse drag would. */
async function dragAndDrop(page: Page, source: Locator, target: Locator): Promise<void> {
  const transfer = await page.evaluateHandle(() => new DataTransfer());
  await source.dispatchEvent('dragstart', { dataTransfer: transfer });
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await source.dispatchEvent('dragend', { dataTransfer: transfer });
}

const app = useApp();

describe('reading side by side, highlights, notes and notebooks', () => {
  const phrase001 = 'intergenerational transmitters of cultural traditions';
  let page: Page;
  const panes = () => page.locator('section.pane');
  const pane001 = () => page.locator('section.pane', { has: page.locator('.pane-title', { hasText: 'Closeness (Tesnota, 2017)' }) });
  const pane004 = () => page.locator('section.pane', { has: page.locator('.pane-title', { hasText: 'wowed Cannes' }) });
  const notebook = () => page.locator('section.pane', { has: page.locator('.notebook-pane') });

  beforeEach(async () => {
    ({ page } = await app.open());
  });

  /** Imports 001 and 004 and opens them side by side, 001 on the left. */
  async function openSideBySide(): Promise<void> {
    await importSeeds(page, [seed001, seed004]);
    await page.locator('.library-row', { hasText: 'Closeness (Tesnota, 2017)' }).click();
    await pane001().locator('.doc-paragraph').first().waitFor();
    await page.getByRole('button', { name: /Open Kantemir Balagov: the twenty-something .* in a new pane/ }).click();
    await pane004().locator('.doc-paragraph').first().waitFor();
  }

  /** Highlights a phrase of 001 yellow with the selection toolbar. */
  async function highlight001WithToolbar(): Promise<void> {
    await selectText(pane001(), phrase001);
    await pane001().locator('.selection-toolbar').waitFor();
    await pane001().getByRole('button', { name: 'Highlight yellow' }).click();
    await expect.poll(() => pane001().locator('mark.hl-yellow').allInnerTexts()).toEqual([phrase001]);
  }

  /** Highlights blue, with the keyboard, a passage of 004 that runs across paragraphs. */
  async function highlight004AcrossParagraphs(): Promise<void> {
    await selectText(pane004(), 'he was studying accounting', 'Russian Ark (2002)');
    await pane004().locator('.selection-toolbar').waitFor();
    await page.keyboard.press('3');
    await expect.poll(() => pane004().locator('mark.hl-blue').count()).toBeGreaterThan(1);
  }

  /** Writes a note, with a bold word, on 001's highlight. */
  async function writeNoteOn001(): Promise<void> {
    await pane001().locator('mark.hl-yellow').click();
    const editor = pane001().getByRole('textbox', { name: 'Note on this highlight' });
    await editor.click();
    await page.keyboard.type('Yuval-Davis frames women as carriers of the nation.');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' Key.');
    await expect.poll(() => editor.innerText()).toContain('carriers of the nation');
  }

  /** Opens a new notebook, gives it a heading and drops 001's highlight card into it as a quote. */
  async function quote001InNewNotebook(): Promise<void> {
    await page.getByRole('button', { name: 'New notebook' }).click();
    await notebook().waitFor();
    const editor = notebook().getByRole('textbox', { name: 'Notebook', exact: true });
    await editor.click();
    await page.keyboard.type('Gender in Closeness');
    await page.keyboard.press('Enter');
    await dragAndDrop(page, pane001().locator('.highlight-card').first(), editor);
    await notebook().locator('blockquote').waitFor();
  }

  /** Scrolls 004 to its end, past its highlight, and waits until the workspace has saved that place. */
  async function scroll004PastItsHighlight(): Promise<void> {
    const highlighted = await pane004().locator('[data-block]', { has: page.locator('mark.hl-blue') }).last().getAttribute('data-block');
    await pane004().locator('.pane-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    // 004 is the second pane; its saved place is a row of the view (row 0 is the header, row i + 1 is block i).
    const saved004 = async () => (await savedWorkspace(page)).panes[1]?.scroll?.block ?? -1;
    await expect.poll(saved004).toBeGreaterThan(Number(highlighted) + 1);
  }

  it('opens 001 and 004 side by side in resizable panes', async () => {
    await openSideBySide();
    expect(await panes().count()).toBe(2);
    expect(await page.locator('.pane-separator').count()).toBe(1);
  });

  it('highlights a passage in 001 with the toolbar and one across paragraphs in 004 with the keyboard', async () => {
    await openSideBySide();
    await highlight001WithToolbar();
    await highlight004AcrossParagraphs();
    const marked = (await pane004().locator('mark.hl-blue').allInnerTexts()).join(' ');
    expect(marked).toContain('he was studying accounting');
    expect(marked).toContain('Russian Ark (2002)');
    expect(await pane004().locator('.highlight-card').count()).toBe(1);
  });

  it('writes a note on a highlight, saved as it is typed', async () => {
    await openSideBySide();
    await highlight001WithToolbar();
    await highlight004AcrossParagraphs();
    await writeNoteOn001();
    await screenshot(page, 'reading-side-by-side');
  });

  it('finds in a document with next and previous and a match count', async () => {
    await openSideBySide();
    // Find works in the pane clicked last, here the right one of two.
    await pane004().locator('.pane-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    const find = pane004().getByRole('searchbox', { name: 'Find in document' });
    await find.fill('Sokurov');
    await expect.poll(() => pane004().locator('.find-count').innerText()).toMatch(/^1 of \d+$/);
    const total = Number((await pane004().locator('.find-count').innerText()).split(' of ')[1]);
    expect(total).toBeGreaterThan(2);
    await find.press('Enter');
    await expect.poll(() => pane004().locator('.find-count').innerText()).toBe(`2 of ${total}`);
    await find.press('Shift+Enter');
    await find.press('Shift+Enter');
    await expect.poll(() => pane004().locator('.find-count').innerText()).toBe(`${total} of ${total}`);
    await expect.poll(() => pane004().locator('.find-current').count()).toBeGreaterThan(0);
    await find.press('Escape');
  });

  it('keeps panes, highlights and the note after a reload', async () => {
    await openSideBySide();
    await highlight001WithToolbar();
    await highlight004AcrossParagraphs();
    await writeNoteOn001();
    await scroll004PastItsHighlight();
    await waitForNotesSaved(page);
    await page.reload();
    await pane001().locator('mark.hl-yellow').waitFor({ timeout: 15_000 });
    expect(await panes().count()).toBe(2);
    await expect.poll(() => pane001().locator('.note-preview').innerText()).toContain('carriers of the nation. Key.');
    // 004 comes back where it was left, past its highlight: the sidebar still lists it, and a
    // click scrolls the virtualized view back to the passage.
    expect(await pane004().locator('.highlight-card').count()).toBe(1);
    await pane004().locator('.highlight-quote').first().click();
    await pane004().locator('mark.hl-blue').first().waitFor();
  });

  it('changes a highlight colour, deletes it and brings it back with undo', async () => {
    await importAndOpenSeed(page, seed004);
    // A new highlight is selected, so its card shows the colours.
    await highlight004AcrossParagraphs();
    await pane004().getByRole('radio', { name: 'Green' }).click();
    await pane004().locator('mark.hl-green').first().waitFor();
    await pane004().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => pane004().locator('mark.hl').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await pane004().locator('mark.hl-green').first().waitFor();
  });

  it('drags a 001 highlight into a notebook as a quote with a linked citation', async () => {
    await openSideBySide();
    await highlight001WithToolbar();
    await quote001InNewNotebook();
    expect(await panes().count()).toBe(3);
    expect(await notebook().locator('blockquote').innerText()).toContain(phrase001);
    const citation = notebook().locator('.note-citation');
    expect(await citation.innerText()).toMatch(/^\(Ezerova 2018, ¶ \d+\)$/);
    await screenshot(page, 'reading-notebook');

    // The citation stays linked: a click opens the source at that highlight.
    await pane001().locator('.highlight-quote').first().click(); // deselect
    await citation.click();
    await expect.poll(() => pane001().locator('.highlight-card.selected').count()).toBe(1);
    await expect.poll(() => pane001().locator('mark.hl-selected').allInnerTexts()).toEqual([phrase001]);
  });

  it('keeps the notebook after a reload', async () => {
    await openSideBySide();
    await highlight001WithToolbar();
    await quote001InNewNotebook();
    await waitForNotesSaved(page);
    await page.reload();
    const restored = await notebook().locator('.note-citation').waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (!restored) {
      await screenshot(page, 'failure-notebook-reload');
      console.log('notebook after reload:', await notebook().count(), await notebook().innerText().catch(() => ''), await page.evaluate(() => JSON.stringify(localStorage)));
    }
    expect(restored).toBe(true);
    expect(await notebook().locator('blockquote').innerText()).toContain('intergenerational transmitters');
    expect(await notebook().innerText()).toContain('Gender in Closeness');
  });

  it('moves highlights with their text when a changed version of the file is imported', async () => {
    await openSideBySide();
    await highlight001WithToolbar();
    await quote001InNewNotebook();
    const original = readFileSync(SEEDS + seed001, 'utf8');
    const revised = 'Editor’s note: this review was corrected after publication.\n\n' + original.replace('tomboy misfit', 'tomboyish misfit');
    await dropFiles(page, [{ name: seed001, text: revised }]);
    await page.getByText(/is a new version of a document in your library/).waitFor({ timeout: 15_000 });
    expect(await page.getByText(/1 highlight moved with its text/).count()).toBe(1);
    // The pane now shows the new version, with the highlight on the same words.
    await pane001().locator('.highlight-quote').first().click();
    await expect.poll(() => pane001().locator('mark.hl-yellow').allInnerTexts()).toEqual([phrase001]);
    expect(await pane001().locator('.pane-article').innerText()).toContain('tomboyish misfit');
    // The notebook's citation still leads to the passage.
    await pane001().locator('.highlight-quote').first().click();
    await notebook().locator('.note-citation').click();
    await expect.poll(() => pane001().locator('.highlight-card.selected').count()).toBe(1);
    await page.getByRole('button', { name: 'Library' }).click();
    expect(await page.locator('.library-row').count()).toBe(2);
    await page.getByRole('button', { name: 'Reading' }).click();
  });

  it('opens a document by dragging it onto a pane, up to four panes', async () => {
    await openSideBySide();
    await page.getByRole('button', { name: 'New notebook' }).click();
    await notebook().waitFor();
    await page.getByRole('button', { name: 'Add pane' }).click();
    expect(await panes().count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Add pane' }).isDisabled()).toBe(true);
    const empty = page.locator('section.pane', { has: page.locator('.empty-pane') });
    await dragAndDrop(page, page.locator('.source-item', { hasText: 'wowed Cannes' }), empty);
    await expect.poll(() => page.locator('section.pane .pane-title', { hasText: 'wowed Cannes' }).count()).toBe(2);
    await screenshot(page, 'reading-four-panes');
  });
});

/** Each pane's width, in percent of the row of panes, left to right. */
function paneWidths(page: Page): Promise<number[]> {
  return page.locator('.pane-group').evaluate((group) => {
    const total = group.getBoundingClientRect().width;
    return [...group.querySelectorAll(':scope > [data-panel]')].map((panel) => (panel.getBoundingClientRect().width / total) * 100);
  });
}

/** Whether every width is within two percent of the one expected. */
function near(widths: number[], expected: number[]): boolean {
  return widths.length === expected.length && widths.every((width, index) => Math.abs(width - expected[index]!) < 2);
}

/** Drags the `index`th pane separator with the mouse until it sits `percent` of the way across the row. */
async function dragSeparator(page: Page, index: number, percent: number): Promise<void> {
  const group = (await page.locator('.pane-group').boundingBox())!;
  const handle = (await page.locator('.pane-separator').nth(index).boundingBox())!;
  const y = handle.y + handle.height / 2;
  await page.mouse.move(handle.x + handle.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(group.x + (group.width * percent) / 100, y, { steps: 12 });
  await page.mouse.up();
}

describe('adding and closing panes beside an open document', () => {
  const phrase = 'intergenerational transmitters of cultural traditions';
  let page: Page;
  const panes = () => page.locator('section.pane');
  const reading = () => panes().first();
  const closeEmptyPane = (index: number) => panes().nth(index).getByRole('button', { name: 'Close pane' }).click();

  beforeEach(async () => {
    ({ page } = await app.open());
    await importAndOpenSeed(page, seed001);
  });

  /** The split as the workspace last saved it: each pane's width in percent, left to right. */
  async function savedSplit(): Promise<number[]> {
    const { panes: saved, layout } = await savedWorkspace(page);
    return saved.map((pane) => layout?.[pane.id] ?? Number.NaN);
  }

  it("keeps the first pane's selected highlight while a second pane opens and closes", async () => {
    await highlightPassage(page, phrase);
    await expect.poll(() => reading().locator('mark.hl-selected').allInnerTexts()).toEqual([phrase]);
    expect(await reading().locator('.highlight-card.selected').count()).toBe(1);
    const frame = await reading().elementHandle();

    await page.getByRole('button', { name: 'Add pane' }).click();
    await panes().nth(1).locator('.empty-pane').waitFor();
    // The first pane was not remounted: the same element, and its selection is still there.
    expect(await frame.evaluate((element) => element.isConnected)).toBe(true);
    expect(await reading().locator('mark.hl-selected').allInnerTexts()).toEqual([phrase]);
    expect(await reading().locator('.highlight-card.selected').count()).toBe(1);
    await expect.poll(() => paneWidths(page).then((widths) => near(widths, [50, 50]))).toBe(true);
    await screenshot(page, 'reading-pane-added-keeps-selection');

    await closeEmptyPane(1);
    await expect.poll(() => panes().count()).toBe(1);
    await expect.poll(() => paneWidths(page).then((widths) => near(widths, [100]))).toBe(true);
    expect(await frame.evaluate((element) => element.isConnected)).toBe(true);
    expect(await reading().locator('.highlight-card.selected .highlight-quote').innerText()).toContain(phrase);
    // The reading view only renders blocks near the viewport, and a wider pane reflows the text
    // under it: find the passage again to bring it into view, still marked as selected.
    await reading().getByRole('button', { name: 'Find in document' }).click();
    await reading().getByRole('searchbox', { name: 'Find in document' }).fill(phrase);
    await reading().getByRole('searchbox', { name: 'Find in document' }).press('Escape');
    await expect.poll(() => reading().locator('mark.hl-selected').allInnerTexts()).toEqual([phrase]);
  });

  it("splits the row evenly for a new pane, shares out a closed pane's width, and keeps the split after a reload", async () => {
    await page.getByRole('button', { name: 'Add pane' }).click();
    await expect.poll(() => paneWidths(page).then((widths) => near(widths, [50, 50]))).toBe(true);
    await dragSeparator(page, 0, 30);
    await expect.poll(() => paneWidths(page).then((widths) => near(widths, [30, 70]))).toBe(true);

    await page.getByRole('button', { name: 'Add pane' }).click();
    await expect.poll(() => panes().count()).toBe(3);
    await expect.poll(() => paneWidths(page).then((widths) => near(widths, [100 / 3, 100 / 3, 100 / 3]))).toBe(true);
    await dragSeparator(page, 0, 45);
    const [first, second, third] = await paneWidths(page);
    expect(near([first!, second!, third!], [45, 100 - 45 - 100 / 3, 100 / 3])).toBe(true);

    // The third pane's width goes to the other two in proportion, not back to the 30/70 they had before.
    await closeEmptyPane(2);
    await expect.poll(() => panes().count()).toBe(2);
    const shared = [(first! / (first! + second!)) * 100, (second! / (first! + second!)) * 100];
    await expect.poll(() => paneWidths(page).then((widths) => near(widths, shared))).toBe(true);

    // Reload once the workspace has saved that split.
    await expect.poll(() => savedSplit().then((widths) => near(widths, shared))).toBe(true);
    await page.reload();
    await reading().locator('.pane-article .doc-paragraph').first().waitFor({ timeout: 15_000 });
    expect(await panes().count()).toBe(2);
    await expect.poll(() => paneWidths(page).then((widths) => near(widths, shared))).toBe(true);
  });
});

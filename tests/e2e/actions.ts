import type { FileChooser, Locator, Page } from 'playwright-core';

/** Imports files through the Import button and the file chooser, as a student would. */
export async function importThroughChooser(page: Page, paths: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await chooser).setFiles(paths);
}

/**
 * Selects the first occurrence of `phrase` inside the element of `root` that matches `within`
 * (the reading view, or a PDF page's text layer) and releases the mouse there.
 */
export async function selectText(root: Locator, within: string, phrase: string): Promise<void> {
  await root.evaluate(
    (element, [selector, text]) => {
      const area = element.matches(selector) ? element : element.querySelector(selector)!;
      const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        area.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`not found: ${text}`);
    },
    [within, phrase] as const,
  );
}

/** Finds a passage in the first pane (so the virtualized view renders it) and highlights it yellow. */
export async function highlightPassage(page: Page, phrase: string): Promise<void> {
  const pane = page.locator('section.pane').first();
  await pane.getByRole('button', { name: 'Find in document' }).click();
  await pane.getByRole('searchbox', { name: 'Find in document' }).fill(phrase);
  await pane.getByRole('searchbox', { name: 'Find in document' }).press('Escape');
  await selectText(pane, '.pane-article', phrase);
  await pane.getByRole('button', { name: 'Highlight yellow' }).click();
}

/**
 * Drops files onto the window, as a drag from the file manager would. Contents travel as text
 * (`text`) or base64 (`base64`): number arrays would make the test, not the app, the slow part.
 */
export async function dropFiles(page: Page, files: { name: string; text?: string; bytes?: Uint8Array }[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, text: file.text, base64: file.bytes ? Buffer.from(file.bytes).toString('base64') : undefined }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const content = file.base64 !== undefined ? Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)) : (file.text ?? '');
      transfer.items.add(new File([content], file.name));
    }
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule an element broke, as axe reports it (the first few elements only). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules; `strict` adds label-in-name and heading order) on the
 * part of the page `selector` matches. The script goes in through the DevTools protocol, as
 * Playwright's evaluate does, so the app's Content-Security-Policy stays as strict as it is.
 */
export async function axeViolations(page: Page, selector: string, options: { strict?: boolean } = {}): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ([within, strict]) => {
    const axe = (window as unknown as { axe: { run: (context: string | { include: string[]; exclude: string[] }, options: object) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    // Strict adds the two rules WCAG tags leave out: a visible label inside the accessible name
    // (axe calls it experimental) and headings that skip no level (a best practice).
    const rules = strict ? { 'label-content-name-mismatch': { enabled: true }, 'heading-order': { enabled: true } } : {};
    const tags = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] };
    const result = await axe.run(within, { runOnly: tags, rules: { ...rules, 'target-size': { enabled: false } }, resultTypes: ['violations'] });
    // Target size (WCAG 2.2, 2.5.8) runs on its own, without the citation boxes over a PDF page:
    // each sits on the words of a citation in running text, as tall as its line, which is the
    // criterion's own "inline" exception; axe cannot tell a box over a text layer from a button.
    const targets = await axe.run({ include: [within], exclude: ['.pdf-cite'] }, { runOnly: { type: 'rule', values: ['target-size'] }, resultTypes: ['violations'] });
    return [...result.violations, ...targets.violations].map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, [selector, options.strict ?? false] as const);
}

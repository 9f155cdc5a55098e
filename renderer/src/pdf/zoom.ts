/**
 * Zoom levels of the page view. Scales are CSS pixels per PDF point; "100%" is a page at its
 * printed size on screen (96 CSS pixels per inch, 72 points per inch), as PDF viewers count it.
 */

/** CSS pixels per PDF point at 100%. */
export const ACTUAL_SIZE = 96 / 72;

/** The steps + and − move through, as fractions of actual size. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

/** The zoom as a whole percentage of actual size. */
export function zoomPercent(scale: number): number {
  return Math.round((scale / ACTUAL_SIZE) * 100);
}

/** The next step up (direction 1) or down (-1) from `scale`, or `scale` itself at either end. */
export function stepZoom(scale: number, direction: 1 | -1): number {
  const level = scale / ACTUAL_SIZE;
  const next = direction > 0 ? ZOOM_STEPS.find((step) => step > level + 0.001) : [...ZOOM_STEPS].reverse().find((step) => step < level - 0.001);
  return (next ?? level) * ACTUAL_SIZE;
}

/** Side margin around pages, in CSS pixels, kept clear when fitting the width. */
export const PAGE_MARGIN = 16;

/** The scale at which the widest page fills `available` CSS pixels, within the zoom range. */
export function fitWidthScale(available: number, widestPage: number): number {
  if (widestPage <= 0 || available <= 0) return ACTUAL_SIZE;
  const fit = (available - 2 * PAGE_MARGIN) / widestPage;
  return Math.min(ZOOM_STEPS.at(-1)! * ACTUAL_SIZE, Math.max(ZOOM_STEPS[0]! * ACTUAL_SIZE, fit));
}

import { describe, expect, it } from 'vitest';
import { ACTUAL_SIZE, fitWidthScale, stepZoom, zoomPercent } from './zoom';

describe('page view zoom', () => {
  it('steps up and down through the levels from any scale', () => {
    expect(zoomPercent(stepZoom(ACTUAL_SIZE, 1))).toBe(110);
    expect(zoomPercent(stepZoom(ACTUAL_SIZE, -1))).toBe(90);
    expect(zoomPercent(stepZoom(1.05 * ACTUAL_SIZE, 1))).toBe(110);
    expect(zoomPercent(stepZoom(4 * ACTUAL_SIZE, 1))).toBe(400);
    expect(zoomPercent(stepZoom(0.25 * ACTUAL_SIZE, -1))).toBe(25);
  });

  it('fits the widest page to the width, leaving margins', () => {
    expect(fitWidthScale(644, 612)).toBeCloseTo(1);
    expect(fitWidthScale(100_000, 612)).toBeCloseTo(4 * ACTUAL_SIZE);
    expect(fitWidthScale(0, 612)).toBe(ACTUAL_SIZE);
  });
});

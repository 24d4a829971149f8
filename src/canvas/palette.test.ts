import { describe, expect, it } from 'vitest';
import { contrastRatio, labelColors, luminance, paletteColor, textColorOn } from './palette';

describe('label text colour', () => {
  it('reads at 4.5:1 or better on every palette colour (the first 5,000 slots)', () => {
    let worst = Infinity;
    for (let slot = 0; slot < 5000; slot++) {
      const plate = paletteColor(slot);
      worst = Math.min(worst, contrastRatio(plate, textColorOn(plate)));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('is black on light plates and white on dark ones', () => {
    expect(textColorOn('#42d4f4')).toBe('#000000'); // cyan: white read 1.9:1
    expect(textColorOn('#000075')).toBe('#ffffff');
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
  });
});

describe('label plates', () => {
  it('reach 7:1 with their text on every palette colour, keeping the colour recognisable', () => {
    for (let slot = 0; slot < 5000; slot++) {
      const color = paletteColor(slot);
      const { plate, text } = labelColors(color);
      expect(contrastRatio(plate, text)).toBeGreaterThanOrEqual(7);
      // Moved toward black or white only as far as needed: never to black or white itself.
      expect(Math.abs(luminance(plate) - luminance(color))).toBeLessThan(0.5);
      expect([plate, color]).not.toContain(text === '#000000' ? '#ffffff' : '#000000');
    }
  });

  it('a plate already at 7:1 keeps its colour', () => {
    expect(labelColors('#ffe119')).toEqual({ plate: '#ffe119', text: '#000000' });
  });
});

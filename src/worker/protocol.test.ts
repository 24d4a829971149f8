import { describe, expect, it } from 'vitest';
import { firstImageIndex, ImageFlag, withFindingFlags } from './protocol';

describe('withFindingFlags', () => {
  it('sets hasFindings on exactly the flagged images and keeps every other flag', () => {
    const { hasCrowd, edited, hasFindings } = ImageFlag;
    const flags = Uint8Array.of(hasCrowd | hasFindings, edited, 0, hasFindings);
    const out = withFindingFlags(flags, Int32Array.of(1, 2));
    expect([...out]).toEqual([hasCrowd, edited | hasFindings, hasFindings, 0]);
    // The flags given are left as they were: the store keeps them until the update lands.
    expect([...flags]).toEqual([hasCrowd | hasFindings, edited, 0, hasFindings]);
  });
});

describe('firstImageIndex', () => {
  const images = { ids: [10, 20, 30], fileNames: ['a.jpg', '30', 'c.jpg'] };
  it('finds the image the URL names by file name first, then by id; else the first', () => {
    expect(firstImageIndex(images, null)).toBe(0);
    expect(firstImageIndex(images, 'c.jpg')).toBe(2);
    expect(firstImageIndex(images, '20')).toBe(1);
    // A file name that reads like an id is a file name first.
    expect(firstImageIndex(images, '30')).toBe(1);
    expect(firstImageIndex(images, 'nowhere.jpg')).toBe(0);
  });
});

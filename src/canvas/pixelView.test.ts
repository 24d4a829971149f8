import { describe, expect, it } from 'vitest';
import { maskOutline } from './maskOutline';
import { masksAt, maskContains } from './masksAt';
import { gridLines } from './pixelGrid';

/** A row-major alpha from rows of '#' (in) and '.' (out). */
function alphaOf(rows: string[]): { alpha: Uint8Array; width: number; height: number } {
  const width = rows[0]!.length;
  const alpha = new Uint8Array(width * rows.length);
  rows.forEach((row, y) =>
    [...row].forEach((c, x) => (alpha[y * width + x] = c === '#' ? 255 : 0)),
  );
  return { alpha, width, height: rows.length };
}

/** The outline as a sorted list of unit edges "x1,y1-x2,y2", whatever the merging. */
function unitEdges(segments: number[]): string[] {
  const edges: string[] = [];
  for (let i = 0; i < segments.length; i += 4) {
    const [x1, y1, x2, y2] = segments.slice(i, i + 4) as [number, number, number, number];
    if (y1 === y2) for (let x = x1; x < x2; x++) edges.push(`${x},${y1}-${x + 1},${y1}`);
    else for (let y = y1; y < y2; y++) edges.push(`${x1},${y}-${x1},${y + 1}`);
  }
  return edges.sort();
}

describe('maskOutline', () => {
  it('traces a rectangle as its four sides, merged', () => {
    const { alpha, width, height } = alphaOf(['....', '.##.', '.##.', '....']);
    expect(maskOutline(alpha, width, height)).toEqual([
      1, 1, 3, 1, 1, 3, 3, 3, 1, 1, 1, 3, 3, 1, 3, 3,
    ]);
  });

  it('traces every edge between in and out, a hole and the box border included', () => {
    // An L touching the box's left and top borders, and a one-pixel hole.
    const { alpha, width, height } = alphaOf(['###', '#.#', '##.']);
    const edges = unitEdges(maskOutline(alpha, width, height));
    const expected = [
      // top border
      '0,0-1,0',
      '1,0-2,0',
      '2,0-3,0',
      // the hole at (1, 1)
      '1,1-2,1',
      '1,2-2,2',
      '1,1-1,2',
      '2,1-2,2',
      // the missing corner (2, 2)
      '2,2-3,2',
      '2,2-2,3',
      // right border of column 2 down to row 2, bottom of row 2 columns 0..1, left border
      '3,0-3,1',
      '3,1-3,2',
      '0,3-1,3',
      '1,3-2,3',
      '0,0-0,1',
      '0,1-0,2',
      '0,2-0,3',
    ].sort();
    expect(edges).toEqual(expected);
  });

  it('an empty mask has no outline', () => {
    const { alpha, width, height } = alphaOf(['...', '...']);
    expect(maskOutline(alpha, width, height)).toEqual([]);
  });
});

describe('gridLines', () => {
  it('gives the screen positions of the pixel edges in view, and only those', () => {
    // Image 100 px wide drawn at 10× from x = −35: edges 4..84 are at 5, 15, … on a 800-px screen.
    const lines = gridLines(-35, 10, 800, 100);
    expect(lines[0]).toBe(5);
    expect(lines[1]).toBe(15);
    expect(lines.at(-1)).toBe(795);
    expect(lines).toHaveLength(80);
  });

  it('stops at the image’s own edges', () => {
    expect(gridLines(100, 16, 1000, 3)).toEqual([100, 116, 132, 148]);
  });

  it('an image out of view has no lines', () => {
    expect(gridLines(900, 8, 800, 10)).toEqual([]);
    expect(gridLines(-500, 8, 800, 10)).toEqual([]);
  });
});

describe('masksAt', () => {
  const ring = alphaOf(['###', '#.#', '###']);
  const box = { x: 10, y: 20, width: 3, height: 3 };

  it('tells a pixel in the mask from one in its box but not in it', () => {
    expect(maskContains(box, ring.alpha, 10, 20)).toBe(true);
    expect(maskContains(box, ring.alpha, 11, 21)).toBe(false);
    expect(maskContains(box, ring.alpha, 12, 22)).toBe(true);
    expect(maskContains(box, ring.alpha, 13, 22)).toBe(false);
    expect(maskContains(box, ring.alpha, 9, 20)).toBe(false);
  });

  it('names every mask containing the pixel, and reads only the masks whose box holds it', () => {
    const full = alphaOf(['##', '##']);
    const masks: [string, typeof box][] = [
      ['ring', box],
      ['corner', { x: 12, y: 22, width: 2, height: 2 }],
      ['far', { x: 100, y: 100, width: 2, height: 2 }],
    ];
    const read: string[] = [];
    const alphaOfKey = (key: string) => {
      read.push(key);
      return key === 'ring' ? ring.alpha : full.alpha;
    };
    expect(masksAt(masks, alphaOfKey, 12, 22)).toEqual(['ring', 'corner']);
    expect(read).toEqual(['ring', 'corner']);
    expect(masksAt(masks, alphaOfKey, 11, 21)).toEqual([]);
    expect(masksAt(masks, alphaOfKey, 13, 23)).toEqual(['corner']);
  });
});

/**
 * Panoptic segments: pixels of the image's PNG segment map whose colour spells the
 * segment id (id = R + 256·G + 256²·B). One pass finds every wanted segment's box, a
 * second paints each segment's pixels into its own crop.
 */
import { parseHexColor, type MaskPixels } from './maskPixels';
import { safeEntryPath } from '../io/zip/safeEntryPath';

export type RgbaImage = { data: Uint8ClampedArray; width: number; height: number };
export type WantedSegment = { key: number; segmentId: number; color: string };

/**
 * Where an image's segment map is: `annotations/panoptic_<subset>/<file_name>` or any
 * `panoptic*` folder. An unsafe name (`../x.png`) is also looked for under the safe entry
 * path an export gives it (io/zip/safeEntryPath.ts).
 */
export function findSegmentMap(paths: readonly string[], pngFileName: string): number {
  const safe = safeEntryPath(pngFileName);
  const names = safe === pngFileName ? [pngFileName] : [pngFileName, safe];
  let fallback = -1;
  for (const wanted of names) {
    const name = wanted.toLowerCase();
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i]!.toLowerCase();
      if (!p.endsWith(`/${name}`) && p !== name) continue;
      if (/(^|\/)panoptic[^/]*\//.test(p)) return i;
      if (fallback < 0) fallback = i;
    }
    if (fallback >= 0) return fallback;
  }
  return fallback;
}

export function segmentMasks(
  map: RgbaImage,
  wanted: readonly WantedSegment[],
): Map<number, MaskPixels> {
  const { data, width, height } = map;
  const byId = new Map<
    number,
    { w: WantedSegment; x0: number; y0: number; x1: number; y1: number }
  >();
  for (const w of wanted) byId.set(w.segmentId, { w, x0: width, y0: height, x1: -1, y1: -1 });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const seg = byId.get(data[p]! + 256 * data[p + 1]! + 65536 * data[p + 2]!);
      if (seg === undefined) continue;
      if (x < seg.x0) seg.x0 = x;
      if (x > seg.x1) seg.x1 = x;
      if (y < seg.y0) seg.y0 = y;
      if (y > seg.y1) seg.y1 = y;
    }
  }
  const out = new Map<number, MaskPixels>();
  for (const seg of byId.values()) {
    if (seg.x1 < 0) continue;
    const cw = seg.x1 - seg.x0 + 1;
    const ch = seg.y1 - seg.y0 + 1;
    const rgba = new Uint8ClampedArray(cw * ch * 4);
    const [r, g, b] = parseHexColor(seg.w.color);
    for (let y = seg.y0; y <= seg.y1; y++) {
      for (let x = seg.x0; x <= seg.x1; x++) {
        const p = (y * width + x) * 4;
        if (data[p]! + 256 * data[p + 1]! + 65536 * data[p + 2]! !== seg.w.segmentId) continue;
        const q = ((y - seg.y0) * cw + (x - seg.x0)) * 4;
        rgba[q] = r;
        rgba[q + 1] = g;
        rgba[q + 2] = b;
        rgba[q + 3] = 255;
      }
    }
    out.set(seg.w.key, { rgba, x: seg.x0, y: seg.y0, width: cw, height: ch });
  }
  return out;
}

/**
 * Which annotation is under the pointer, computed from the geometry (image pixels) rather
 * than by Konva's hit canvas, so the shape layer takes no events and redraws once per
 * frame instead of twice. The smallest shape under the point wins, so a small object
 * inside a large crowd region can still be picked.
 */
import { bboxOf, keypointsOf, type PlainBody } from '../store/plainAnnotation';

/** Even-odd point-in-polygon over all parts (`[x1, y1, x2, y2, …]` each). */
export function insidePolygons(
  parts: readonly (readonly number[])[],
  x: number,
  y: number,
): boolean {
  let inside = false;
  for (const p of parts) {
    const n = Math.floor(p.length / 2);
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = p[2 * i]!;
      const yi = p[2 * i + 1]!;
      const xj = p[2 * j]!;
      const yj = p[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function inBox(b: readonly number[], x: number, y: number, pad: number): boolean {
  return (
    x >= b[0]! - pad && x <= b[0]! + b[2]! + pad && y >= b[1]! - pad && y <= b[1]! + b[3]! + pad
  );
}

/**
 * The annotation at image point (x, y), or null. `tolerance` (image px) widens boxes and
 * keypoints so thin outlines can be hovered.
 */
export function annotationAt<T extends PlainBody>(
  annotations: readonly T[],
  x: number,
  y: number,
  tolerance: number,
): T | null {
  let best: T | null = null;
  let bestArea = Infinity;
  for (const a of annotations) {
    const box = bboxOf(a);
    const keypoints = keypointsOf(a);
    let hit = false;
    if (a.kind === 'polygon' && a.polygons.length > 0) {
      hit = (box === null || inBox(box, x, y, tolerance)) && insidePolygons(a.polygons, x, y);
    } else if (box !== null) {
      hit = inBox(box, x, y, tolerance);
    }
    if (!hit && keypoints !== null) {
      for (let i = 0; i + 2 < keypoints.length; i += 3) {
        if (
          keypoints[i + 2]! > 0 &&
          Math.hypot(keypoints[i]! - x, keypoints[i + 1]! - y) <= tolerance * 2
        ) {
          hit = true;
          break;
        }
      }
    }
    if (!hit) continue;
    const area = box === null ? 0 : box[2]! * box[3]!;
    if (area < bestArea) {
      best = a;
      bestArea = area;
    }
  }
  return best;
}

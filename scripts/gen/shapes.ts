/**
 * The geometry of generated objects, in image pixels (x right, y down, origin at the
 * top-left corner of the top-left pixel): star-shaped outlines such as annotators click,
 * crowd regions, and person poses. Pure functions of a `Random`.
 */
import { PERSON_KEYPOINTS } from './cocoCategories';
import type { Random } from './random';

/** Rounds to 2 decimals, as COCO writes coordinates (239.97). */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** COCO objects' size: sqrt(area) with median ~42 px gives ~41% small (< 32²) and ~24% large (> 96²). */
const SIZE_MEDIAN = 42;
const SIZE_SIGMA = 1.15;

/**
 * One closed outline around (cx, cy) with radii (rx, ry), `n` vertices ordered by angle
 * (so it never self-intersects), clipped to the image and rounded to 2 decimals.
 * The radius wobbles with a few low harmonics (the silhouette) and per-vertex jitter (the
 * annotator's hand); clicks are unevenly spaced along the outline.
 */
export function outline(
  rand: Random,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  n: number,
  width: number,
  height: number,
): number[] {
  // r(a) = 1 + sum over k = 2..6 of (p_k cos ka + q_k sin ka): a smooth random silhouette.
  const p = new Float64Array(7);
  const q = new Float64Array(7);
  for (let k = 2; k <= 6; k++) {
    const amplitude = (rand.next() * 0.45) / k;
    const phase = rand.next() * 6.283;
    p[k] = amplitude * Math.cos(phase);
    q[k] = -amplitude * Math.sin(phase);
  }
  const spikiness = rand.next() < 0.2 ? 0.35 : 0.08;
  const tilt = (rand.next() - 0.5) * 0.6;
  const start = rand.next() * Math.PI * 2;
  const out = new Array<number>(2 * n);
  for (let i = 0; i < n; i++) {
    const a = start + ((i + 0.7 * (rand.next() - 0.5)) / n) * Math.PI * 2;
    const c1 = Math.cos(a);
    const s1 = Math.sin(a);
    // cos ka and sin ka by the angle-addition recurrence: two trig calls per vertex.
    let ck = c1;
    let sk = s1;
    let r = 1;
    for (let k = 2; k <= 6; k++) {
      const c = ck * c1 - sk * s1;
      sk = sk * c1 + ck * s1;
      ck = c;
      r += p[k]! * ck + q[k]! * sk;
    }
    r *= 1 + spikiness * (rand.next() - 0.5);
    r = Math.max(0.25, r);
    const ux = c1 * r * rx;
    const uy = s1 * r * ry;
    const x = cx + ux * Math.cos(tilt) - uy * Math.sin(tilt);
    const y = cy + ux * Math.sin(tilt) + uy * Math.cos(tilt);
    out[2 * i] = round2(Math.min(width, Math.max(0, x)));
    out[2 * i + 1] = round2(Math.min(height, Math.max(0, y)));
  }
  return out;
}

/** Vertex count: grows slowly with the object's size; overall median ≈ `median`, in 4..200. */
function vertexCount(rand: Random, size: number, median: number): number {
  const n = rand.logNormal(median * Math.pow(size / SIZE_MEDIAN, 0.3), 0.5);
  return Math.max(4, Math.min(200, Math.round(n)));
}

/**
 * The polygon parts of one object in a `width × height` image: one part mostly, 2–4
 * (an object split by an occluder) ~5% of the time.
 */
export function objectPolygons(
  rand: Random,
  width: number,
  height: number,
  medianVertices: number,
): number[][] {
  const size = Math.max(
    4,
    Math.min(0.9 * Math.sqrt(width * height), rand.logNormal(SIZE_MEDIAN, SIZE_SIGMA)),
  );
  const aspect = rand.logNormal(1, 0.45);
  const rx = Math.min(0.55 * width, (size / Math.sqrt(Math.PI)) * Math.sqrt(aspect));
  const ry = Math.min(0.55 * height, size / Math.sqrt(Math.PI) / Math.sqrt(aspect));
  // Centers keep most of the object inside; some objects are cut by the image border.
  const cx = rx * 0.7 < width / 2 ? rx * 0.7 + rand.next() * (width - 1.4 * rx) : width / 2;
  const cy = ry * 0.7 < height / 2 ? ry * 0.7 + rand.next() * (height - 1.4 * ry) : height / 2;
  const n = vertexCount(rand, size, medianVertices);
  const parts = [outline(rand, cx, cy, rx, ry, n, width, height)];
  if (rand.next() < 0.05) {
    const extra = rand.int(1, 3);
    for (let k = 0; k < extra; k++) {
      const f = 0.25 + 0.35 * rand.next();
      const a = rand.next() * Math.PI * 2;
      parts.push(
        outline(
          rand,
          Math.min(width, Math.max(0, cx + Math.cos(a) * rx * 1.4)),
          Math.min(height, Math.max(0, cy + Math.sin(a) * ry * 1.4)),
          rx * f,
          ry * f,
          Math.max(4, Math.round(n * f * 1.5)),
          width,
          height,
        ),
      );
    }
  }
  return parts;
}

/** A crowd region (a group of people, a pile of books): the union of 2–5 large outlines. */
export function crowdPolygons(rand: Random, width: number, height: number): number[][] {
  const cx = width * (0.2 + 0.6 * rand.next());
  const cy = height * (0.3 + 0.5 * rand.next());
  const spread = Math.min(width, height) * (0.1 + 0.25 * rand.next());
  const parts: number[][] = [];
  const count = rand.int(2, 5);
  for (let k = 0; k < count; k++) {
    const r = spread * (0.35 + 0.5 * rand.next());
    parts.push(
      outline(
        rand,
        cx + (rand.next() - 0.5) * 2.5 * spread,
        cy + (rand.next() - 0.5) * spread,
        r,
        r * (0.8 + 0.8 * rand.next()),
        rand.int(24, 60),
        width,
        height,
      ),
    );
  }
  return parts;
}

/** The tight box `[x, y, w, h]` of polygon parts, rounded to 2 decimals. */
export function partsBbox(parts: readonly (readonly number[])[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of parts) {
    for (let i = 0; i + 1 < p.length; i += 2) {
      const x = p[i]!;
      const y = p[i + 1]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, round2(x1 - x0), round2(y1 - y0)];
}

/**
 * A standing person's keypoints in a unit box (x 0..1 left to right, y 0..1 top to
 * bottom), facing the camera: the person's left side is on the image's right.
 */
const POSE: readonly [number, number][] = [
  [0.5, 0.08], // nose
  [0.54, 0.06], // left_eye
  [0.46, 0.06],
  [0.6, 0.08], // left_ear
  [0.4, 0.08],
  [0.7, 0.22], // left_shoulder
  [0.3, 0.22],
  [0.8, 0.38], // left_elbow
  [0.2, 0.38],
  [0.84, 0.52], // left_wrist
  [0.16, 0.52],
  [0.62, 0.55], // left_hip
  [0.38, 0.55],
  [0.63, 0.76], // left_knee
  [0.37, 0.76],
  [0.63, 0.95], // left_ankle
  [0.37, 0.95],
];

/**
 * COCO-style person keypoints inside `bbox`: integer pixels, v = 0 (not labeled, written
 * as 0,0,0), 1 (labeled, hidden) or 2 (visible). Small people get none, as in COCO where
 * about half the person instances have `num_keypoints` 0.
 */
export function personKeypoints(
  rand: Random,
  bbox: readonly [number, number, number, number],
  area: number,
  crowd: boolean,
): { keypoints: number[]; num_keypoints: number } {
  const keypoints = new Array<number>(3 * PERSON_KEYPOINTS.length).fill(0);
  if (crowd || area < 600 || rand.next() < 0.25) return { keypoints, num_keypoints: 0 };
  const [bx, by, bw, bh] = bbox;
  const mirrored = rand.next() < 0.3; // seen from behind
  const sway = (rand.next() - 0.5) * 0.2;
  let labeled = 0;
  POSE.forEach(([u, v], k) => {
    const r = rand.next();
    const visibility = r < 0.15 ? 0 : r < 0.27 ? 1 : 2;
    if (visibility === 0) return;
    const uu = (mirrored ? 1 - u : u) + sway * (1 - v) + 0.08 * (rand.next() - 0.5);
    const vv = v + 0.05 * (rand.next() - 0.5);
    // Inside the box, in whole pixels (COCO's keypoints are integers).
    const x = Math.min(Math.floor(bx + bw), Math.max(Math.ceil(bx), Math.round(bx + uu * bw)));
    const y = Math.min(Math.floor(by + bh), Math.max(Math.ceil(by), Math.round(by + vv * bh)));
    keypoints[3 * k] = x;
    keypoints[3 * k + 1] = y;
    keypoints[3 * k + 2] = visibility;
    labeled++;
  });
  return { keypoints, num_keypoints: labeled };
}

/**
 * The sample dataset's scenes: simple landscapes whose every object is both drawn and
 * annotated from the same geometry, so the annotations sit exactly on what the picture
 * shows. Seeded: the same sample every time. Image pixels, y down.
 */

export type Pt = [number, number];

/** Something the page draws (see render.ts), in painting order. */
export type Drawable =
  | { type: 'sky'; horizon: number }
  | { type: 'polygon'; points: Pt[]; fill: string; stroke?: string }
  | { type: 'circle'; x: number; y: number; r: number; fill: string }
  | { type: 'line'; points: Pt[]; stroke: string; width: number };

/** An annotation before it becomes COCO: the generator fills in areas, boxes and RLE. */
export type SceneAnnotation =
  | { category: string; kind: 'polygon'; parts: Pt[][] }
  | { category: string; kind: 'box'; box: [number, number, number, number] }
  | { category: string; kind: 'crowd'; parts: Pt[][]; compressed: boolean }
  | { category: string; kind: 'person'; parts: Pt[][]; keypoints: [number, number, number][] };

export type Scene = {
  fileName: string;
  width: number;
  height: number;
  draw: Drawable[];
  annotations: SceneAnnotation[];
};

export const KEYPOINTS = [
  'head',
  'neck',
  'left_hand',
  'right_hand',
  'hip',
  'left_foot',
  'right_foot',
];
/** COCO's convention: 1-based keypoint numbers. */
export const SKELETON: [number, number][] = [
  [1, 2],
  [2, 3],
  [2, 4],
  [2, 5],
  [5, 6],
  [5, 7],
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function circlePoints(
  x: number,
  y: number,
  r: number,
  n: number,
  wobble = 0,
  rand = Math.random,
): Pt[] {
  return Array.from({ length: n }, (_, i) => {
    const a = (i / n) * Math.PI * 2;
    const rr = r * (1 + wobble * (rand() - 0.5));
    return [r2(x + Math.cos(a) * rr), r2(y + Math.sin(a) * rr)];
  });
}

function house(
  x: number,
  ground: number,
  w: number,
  h: number,
  color: string,
): { draw: Drawable[]; outline: Pt[] } {
  const roof = h * 0.55;
  const outline: Pt[] = [
    [x, ground],
    [x, ground - h],
    [x + w / 2, ground - h - roof],
    [x + w, ground - h],
    [x + w, ground],
  ];
  const door: Pt[] = [
    [x + w * 0.42, ground],
    [x + w * 0.42, ground - h * 0.5],
    [x + w * 0.58, ground - h * 0.5],
    [x + w * 0.58, ground],
  ];
  return {
    outline,
    draw: [
      { type: 'polygon', points: outline, fill: color, stroke: '#3b2f2f' },
      { type: 'polygon', points: outline.slice(1, 4), fill: '#8b3a3a' },
      { type: 'polygon', points: door, fill: '#5a3d2b' },
    ],
  };
}

function tree(
  x: number,
  ground: number,
  size: number,
  rand: () => number,
): { draw: Drawable[]; outline: Pt[] } {
  const crown = circlePoints(x, ground - size * 1.4, size * 0.7, 18, 0.25, rand);
  const trunk: Pt[] = [
    [x - size * 0.12, ground],
    [x - size * 0.12, ground - size * 0.9],
    [x + size * 0.12, ground - size * 0.9],
    [x + size * 0.12, ground],
  ];
  return {
    outline: crown,
    draw: [
      { type: 'polygon', points: trunk, fill: '#6b4423' },
      { type: 'polygon', points: crown, fill: '#2f7d32', stroke: '#1b5e20' },
    ],
  };
}

function stickFigure(x: number, ground: number, h: number, color: string) {
  const head: Pt = [x, ground - h * 0.9];
  const neck: Pt = [x, ground - h * 0.78];
  const hip: Pt = [x, ground - h * 0.42];
  const lh: Pt = [x - h * 0.25, ground - h * 0.55];
  const rh: Pt = [x + h * 0.25, ground - h * 0.62];
  const lf: Pt = [x - h * 0.16, ground];
  const rf: Pt = [x + h * 0.16, ground];
  const limbs: Pt[][] = [
    [neck, hip],
    [lh, neck, rh],
    [lf, hip, rf],
  ];
  const outline: Pt[] = [
    [x - h * 0.1, ground - h * 1.0],
    [x + h * 0.1, ground - h * 1.0],
    [x + h * 0.27, ground - h * 0.66],
    [x + h * 0.08, ground - h * 0.45],
    [x + h * 0.2, ground],
    [x - h * 0.2, ground],
    [x - h * 0.08, ground - h * 0.45],
    [x - h * 0.27, ground - h * 0.5],
  ].map(([a, b]) => [r2(a!), r2(b!)] as Pt);
  const draw: Drawable[] = [
    ...limbs.map((points): Drawable => ({
      type: 'line',
      points,
      stroke: color,
      width: Math.max(2, h * 0.05),
    })),
    { type: 'circle', x: head[0], y: head[1], r: h * 0.1, fill: color },
  ];
  const k = (p: Pt, v = 2): [number, number, number] => [r2(p[0]), r2(p[1]), v];
  return { draw, outline, keypoints: [k(head), k(neck), k(lh), k(rh, 1), k(hip), k(lf), k(rf)] };
}

function bird(x: number, y: number, s: number): Pt[] {
  return [
    [x - s, y - s * 0.4],
    [x, y],
    [x + s, y - s * 0.4],
    [x + s, y - s * 0.1],
    [x, y + s * 0.35],
    [x - s, y - s * 0.1],
  ].map(([a, b]) => [r2(a!), r2(b!)] as Pt);
}

/** The part of a polygon with x in [x0, x1] (Sutherland–Hodgman against two vertical lines). */
function clipX(points: Pt[], x0: number, x1: number): Pt[] {
  const clip = (poly: Pt[], inside: (p: Pt) => boolean, x: number): Pt[] => {
    const out: Pt[] = [];
    poly.forEach((p, i) => {
      const q = poly[(i + 1) % poly.length]!;
      const cross = (): Pt => [r2(x), r2(p[1] + ((q[1] - p[1]) * (x - p[0])) / (q[0] - p[0]))];
      if (inside(p)) {
        out.push(p);
        if (!inside(q)) out.push(cross());
      } else if (inside(q)) out.push(cross());
    });
    return out;
  };
  let poly = points;
  if (x0 > -Infinity) poly = clip(poly, (p) => p[0] >= x0, x0);
  if (x1 < Infinity) poly = clip(poly, (p) => p[0] <= x1, x1);
  return poly;
}

export function makeScenes(seed = 7): Scene[] {
  const rand = rng(seed);
  const sizes: [string, number, number][] = [
    ['000000000001.jpg', 640, 427],
    ['000000000002.jpg', 480, 640],
    ['000000000003.jpg', 500, 375],
    ['000000000004.jpg', 512, 512],
  ];
  return sizes.map(([fileName, width, height], n) => {
    const horizon = Math.round(height * (0.55 + 0.1 * rand()));
    const draw: Drawable[] = [{ type: 'sky', horizon }];
    const annotations: SceneAnnotation[] = [];
    const sun = circlePoints(
      width * (0.15 + 0.6 * rand()),
      height * 0.15,
      Math.min(width, height) * 0.07,
      20,
    );
    draw.push({ type: 'polygon', points: sun, fill: '#ffd54f', stroke: '#ffb300' });
    annotations.push({ category: 'sun', kind: 'polygon', parts: [sun] });

    const birds = Array.from({ length: 10 + n * 2 }, () =>
      bird(width * (0.3 + 0.45 * rand()), height * (0.06 + 0.22 * rand()), 8 + 6 * rand()),
    );
    birds.forEach((b) => draw.push({ type: 'polygon', points: b, fill: '#263238' }));
    annotations.push({ category: 'bird', kind: 'crowd', parts: birds, compressed: n % 2 === 1 });

    const hw = width * 0.22;
    const h = house(
      width * 0.08,
      horizon + height * 0.12,
      hw,
      hw * 0.7,
      ['#e0c9a6', '#cfd8dc', '#ffe0b2', '#d7ccc8'][n]!,
    );
    draw.push(...h.draw);
    annotations.push({ category: 'house', kind: 'polygon', parts: [h.outline] });

    const t = tree(width * 0.62, horizon + height * 0.18, height * 0.14, rand);
    draw.push(...t.draw);
    // A lamp post in front of the crown splits what is seen of the tree into two parts.
    const postX = width * 0.62 - 4;
    const postW = 8;
    const postTop = horizon + height * 0.18 - height * 0.14 * 2.4;
    draw.push({
      type: 'polygon',
      points: [
        [postX, horizon + height * 0.2],
        [postX, postTop],
        [postX + postW, postTop],
        [postX + postW, horizon + height * 0.2],
      ],
      fill: '#455a64',
    });
    draw.push({ type: 'circle', x: postX + postW / 2, y: postTop, r: 7, fill: '#fff59d' });
    annotations.push({
      category: 'tree',
      kind: 'polygon',
      parts: [clipX(t.outline, -Infinity, postX), clipX(t.outline, postX + postW, Infinity)],
    });

    const carY = horizon + height * 0.3;
    const carX = width * 0.7;
    const carW = width * 0.14;
    const carH = height * 0.07;
    const body: Pt[] = [
      [carX, carY],
      [carX, carY - carH],
      [carX + carW * 0.2, carY - carH],
      [carX + carW * 0.3, carY - carH * 1.6],
      [carX + carW * 0.75, carY - carH * 1.6],
      [carX + carW * 0.85, carY - carH],
      [carX + carW, carY - carH],
      [carX + carW, carY],
    ];
    draw.push({ type: 'polygon', points: body, fill: '#c62828', stroke: '#8e0000' });
    draw.push({ type: 'circle', x: carX + carW * 0.22, y: carY, r: carH * 0.32, fill: '#212121' });
    draw.push({ type: 'circle', x: carX + carW * 0.78, y: carY, r: carH * 0.32, fill: '#212121' });
    annotations.push({
      category: 'car',
      kind: 'box',
      box: [r2(carX), r2(carY - carH * 1.6), r2(carW), r2(carH * 1.6 + carH * 0.32)],
    });

    const p = stickFigure(width * 0.42, horizon + height * 0.3, height * 0.3, '#1a237e');
    draw.push(...p.draw);
    annotations.push({
      category: 'person',
      kind: 'person',
      parts: [p.outline],
      keypoints: p.keypoints,
    });

    // Far away people: too many to outline one by one, a crowd region.
    const far = Array.from({ length: 9 }, (_, i) =>
      circlePoints(
        width * 0.75 + i * width * 0.022,
        horizon + height * 0.02 + (i % 2) * 3,
        4 + (i % 3),
        8,
      ),
    );
    far.forEach((f) => draw.push({ type: 'polygon', points: f, fill: '#37474f' }));
    annotations.push({ category: 'person', kind: 'crowd', parts: far, compressed: n % 2 === 0 });
    return { fileName, width, height, draw, annotations };
  });
}

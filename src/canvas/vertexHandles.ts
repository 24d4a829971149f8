/**
 * Which vertices of the polygon being edited get handles. A handle is a Konva node: a
 * 100-part crowd converted to polygons has thousands of vertices, and a node for each
 * made every render of the selection cost half a second. So only the vertices in view get
 * handles, and none while more than MAX_VERTEX_HANDLES are in view (the user zooms in to
 * edit them, and is told so); a midpoint handle only on an edge long enough on screen to
 * click between its ends.
 */

/** The image area on screen, in image pixels. */
export type ImageRect = { x0: number; y0: number; x1: number; y1: number };

export const MAX_VERTEX_HANDLES = 400;

/** Screen pixels an edge needs for a midpoint handle between its vertices' handles. */
const MIN_EDGE_FOR_MIDPOINT = 24;

/** A vertex `i` of part `k` (its coordinates at 2i, 2i + 1). */
export type VertexRef = { k: number; i: number };

export type Handles = {
  vertices: VertexRef[];
  /** Edges from vertex `i` to the next, whose midpoint gets a handle. */
  midpoints: VertexRef[];
  /** Vertices in view when there are too many for handles (0 when they have handles). */
  hidden: number;
};

function inside(rect: ImageRect, x: number, y: number): boolean {
  return x >= rect.x0 && x <= rect.x1 && y >= rect.y0 && y <= rect.y1;
}

/** The handles for `parts` seen through `view` at `scale` screen pixels per image pixel. */
export function vertexHandles(
  parts: readonly (readonly number[])[],
  view: ImageRect,
  scale: number,
): Handles {
  const vertices: VertexRef[] = [];
  let inView = 0;
  parts.forEach((points, k) => {
    for (let i = 0; 2 * i + 1 < points.length; i++) {
      if (!inside(view, points[2 * i]!, points[2 * i + 1]!)) continue;
      inView++;
      if (inView <= MAX_VERTEX_HANDLES) vertices.push({ k, i });
    }
  });
  if (inView > MAX_VERTEX_HANDLES) return { vertices: [], midpoints: [], hidden: inView };
  const midpoints: VertexRef[] = [];
  parts.forEach((points, k) => {
    const n = Math.floor(points.length / 2);
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const [ax, ay, bx, by] = [
        points[2 * i]!,
        points[2 * i + 1]!,
        points[2 * j]!,
        points[2 * j + 1]!,
      ];
      if (!inside(view, (ax + bx) / 2, (ay + by) / 2)) continue;
      if (Math.hypot(bx - ax, by - ay) * scale < MIN_EDGE_FOR_MIDPOINT) continue;
      if (midpoints.length < MAX_VERTEX_HANDLES) midpoints.push({ k, i });
    }
  });
  return { vertices, midpoints, hidden: 0 };
}

/** The image area a viewport shows on a stage of `size` (with a margin of `pad` screen pixels). */
export function visibleImageRect(
  viewport: { x: number; y: number; scale: number },
  size: { width: number; height: number },
  pad = 8,
): ImageRect {
  const { x, y, scale } = viewport;
  return {
    x0: (-x - pad) / scale,
    y0: (-y - pad) / scale,
    x1: (size.width - x + pad) / scale,
    y1: (size.height - y + pad) / scale,
  };
}

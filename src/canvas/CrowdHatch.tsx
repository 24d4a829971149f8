import { Shape } from 'react-konva';
import type { MaskImage } from '../worker/protocol';

/** Stripes every HATCH_PERIOD screen pixels along the diagonal, HATCH_WIDTH of them solid. */
export const HATCH_PERIOD = 8;
const HATCH_WIDTH = 3;

let tile: OffscreenCanvas | null = null;
let scratch: OffscreenCanvas | null = null;

/** One period of the stripes: screen pixel (x, y) is solid when (x + y) mod 8 < 3. */
function hatchTile(): OffscreenCanvas {
  if (tile !== null) return tile;
  tile = new OffscreenCanvas(HATCH_PERIOD, HATCH_PERIOD);
  const ctx = tile.getContext('2d')!;
  ctx.fillStyle = '#000';
  for (let y = 0; y < HATCH_PERIOD; y++)
    for (let x = 0; x < HATCH_PERIOD; x++)
      if ((x + y) % HATCH_PERIOD < HATCH_WIDTH) ctx.fillRect(x, y, 1, 1);
  return tile;
}

/**
 * The crowd masks' hatching, in screen space over their (evenly tinted) pixels: the masks
 * (each in its colour) are drawn into one scratch canvas, cut down to the stripes, and the
 * result laid over the layer — one composite for all crowd masks, so an
 * image with many of them switches as fast as one with none.
 */
export function CrowdHatch(props: { masks: readonly MaskImage[]; opacity: number }) {
  const { masks } = props;
  return (
    <Shape
      listening={false}
      opacity={props.opacity}
      sceneFunc={(ctx, shape) => {
        const stage = shape.getStage();
        if (stage === null || masks.length === 0) return;
        const scale = stage.scaleX();
        const screen = (m: MaskImage) => ({
          x: stage.x() + m.x * scale,
          y: stage.y() + m.y * scale,
          w: m.width * scale,
          h: m.height * scale,
        });
        let left = Infinity;
        let top = Infinity;
        let right = -Infinity;
        let bottom = -Infinity;
        for (const m of masks) {
          const r = screen(m);
          left = Math.min(left, r.x);
          top = Math.min(top, r.y);
          right = Math.max(right, r.x + r.w);
          bottom = Math.max(bottom, r.y + r.h);
        }
        left = Math.max(0, Math.floor(left));
        top = Math.max(0, Math.floor(top));
        right = Math.min(stage.width(), Math.ceil(right));
        bottom = Math.min(stage.height(), Math.ceil(bottom));
        if (right <= left || bottom <= top) return;
        const ratio = ctx.canvas.getPixelRatio();
        const w = Math.ceil((right - left) * ratio);
        const h = Math.ceil((bottom - top) * ratio);
        scratch ??= new OffscreenCanvas(w, h);
        if (scratch.width < w || scratch.height < h) {
          scratch.width = Math.max(scratch.width, w);
          scratch.height = Math.max(scratch.height, h);
        }
        const s = scratch.getContext('2d')!;
        s.setTransform(1, 0, 0, 1, 0, 0);
        s.globalCompositeOperation = 'source-over';
        s.clearRect(0, 0, w, h);
        s.imageSmoothingEnabled = false;
        for (const m of masks) {
          const r = screen(m);
          s.drawImage(
            m.bitmap,
            (r.x - left) * ratio,
            (r.y - top) * ratio,
            r.w * ratio,
            r.h * ratio,
          );
        }
        // The pattern starts at the screen's origin, wherever the masks are.
        const pattern = s.createPattern(hatchTile(), 'repeat')!;
        pattern.setTransform(
          new DOMMatrix().translateSelf(-Math.round(left * ratio), -Math.round(top * ratio)),
        );
        // Kept where the stripes are: each mask's stripes in its own colour.
        s.globalCompositeOperation = 'destination-in';
        s.fillStyle = pattern;
        s.fillRect(0, 0, w, h);
        const c = ctx._context;
        c.save();
        c.setTransform(1, 0, 0, 1, 0, 0);
        c.drawImage(scratch, 0, 0, w, h, left * ratio, top * ratio, w, h);
        c.restore();
      }}
    />
  );
}

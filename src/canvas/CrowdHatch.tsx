import { Shape } from 'react-konva';
import type { MaskImage } from '../worker/protocol';

/** Stripes every HATCH_PERIOD screen pixels along the diagonal, HATCH_WIDTH of them solid. */
export const HATCH_PERIOD = 8;
const HATCH_WIDTH = 3;

let tile: OffscreenCanvas | null = null;
let scratch: OffscreenCanvas | null = null;

/** One period of the stripes: screen pixel (x, y) is solid when (x + y) mod 8 < 3. */
function hatchTile(color: string): OffscreenCanvas {
  tile ??= new OffscreenCanvas(HATCH_PERIOD, HATCH_PERIOD);
  const ctx = tile.getContext('2d')!;
  ctx.clearRect(0, 0, HATCH_PERIOD, HATCH_PERIOD);
  ctx.fillStyle = color;
  for (let y = 0; y < HATCH_PERIOD; y++)
    for (let x = 0; x < HATCH_PERIOD; x++)
      if ((x + y) % HATCH_PERIOD < HATCH_WIDTH) ctx.fillRect(x, y, 1, 1);
  return tile;
}

/**
 * A crowd mask's hatching, in screen space over its (evenly tinted) pixels: the stripes
 * are laid on the screen's pixel grid, then kept only where the mask is (its bitmap as a
 * stencil), so every mask pixel is tinted alike and the stripes stay thin at any zoom.
 */
export function CrowdHatch(props: { mask: MaskImage; color: string; opacity: number }) {
  const { mask, color } = props;
  return (
    <Shape
      listening={false}
      opacity={props.opacity}
      sceneFunc={(ctx, shape) => {
        const stage = shape.getStage();
        if (stage === null) return;
        const scale = stage.scaleX();
        const mx = stage.x() + mask.x * scale;
        const my = stage.y() + mask.y * scale;
        const left = Math.max(0, Math.floor(mx));
        const top = Math.max(0, Math.floor(my));
        const right = Math.min(stage.width(), Math.ceil(mx + mask.width * scale));
        const bottom = Math.min(stage.height(), Math.ceil(my + mask.height * scale));
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
        // The pattern starts at the screen's origin, wherever the mask is.
        const pattern = s.createPattern(hatchTile(color), 'repeat')!;
        pattern.setTransform(
          new DOMMatrix().translateSelf(-Math.round(left * ratio), -Math.round(top * ratio)),
        );
        s.fillStyle = pattern;
        s.fillRect(0, 0, w, h);
        s.globalCompositeOperation = 'destination-in';
        s.imageSmoothingEnabled = false;
        s.drawImage(
          mask.bitmap,
          (mx - left) * ratio,
          (my - top) * ratio,
          mask.width * scale * ratio,
          mask.height * scale * ratio,
        );
        const c = ctx._context;
        c.save();
        c.setTransform(1, 0, 0, 1, 0, 0);
        c.drawImage(scratch, 0, 0, w, h, left * ratio, top * ratio, w, h);
        c.restore();
      }}
    />
  );
}

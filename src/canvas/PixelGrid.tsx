import { Shape } from 'react-konva';
import { GRID_MIN_SCALE, gridLines } from './pixelGrid';

/**
 * The lines between image pixels, drawn in screen space (one device pixel wide whatever
 * the zoom) from GRID_MIN_SCALE on; only the lines in view are drawn, from the stage's
 * live transform, so the grid follows a wheel zoom or a pan frame by frame.
 */
export function PixelGrid(props: { width: number; height: number }) {
  const { width, height } = props;
  return (
    <Shape
      listening={false}
      sceneFunc={(ctx, shape) => {
        const stage = shape.getStage();
        if (stage === null) return;
        const scale = stage.scaleX();
        if (scale < GRID_MIN_SCALE) return;
        const xs = gridLines(stage.x(), scale, stage.width(), width);
        const ys = gridLines(stage.y(), scale, stage.height(), height);
        if (xs.length === 0 || ys.length === 0) return;
        const ratio = ctx.canvas.getPixelRatio();
        const c = ctx._context;
        c.save();
        c.setTransform(ratio, 0, 0, ratio, 0, 0);
        c.beginPath();
        // On half pixels: a 1-px line covers one row of device pixels, not two half-tinted.
        const left = Math.max(0, stage.x());
        const right = Math.min(stage.width(), stage.x() + width * scale);
        const top = Math.max(0, stage.y());
        const bottom = Math.min(stage.height(), stage.y() + height * scale);
        for (const x of xs) {
          const sx = Math.round(x) + 0.5;
          c.moveTo(sx, top);
          c.lineTo(sx, bottom);
        }
        for (const y of ys) {
          const sy = Math.round(y) + 0.5;
          c.moveTo(left, sy);
          c.lineTo(right, sy);
        }
        // Dark lines with a light one beside each: seen over dark and light pictures alike.
        c.lineWidth = 1;
        c.strokeStyle = 'rgb(0 0 0 / 0.5)';
        c.stroke();
        c.translate(1, 1);
        c.strokeStyle = 'rgb(255 255 255 / 0.25)';
        c.stroke();
        c.restore();
      }}
    />
  );
}

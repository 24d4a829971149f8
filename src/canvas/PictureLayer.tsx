import { memo } from 'react';
import { Layer, Rect, Shape } from 'react-konva';

/** From this scale (400 %) on, the picture is drawn nearest-neighbour: pixels as blocks. */
export const PIXEL_TRUE_SCALE = 4;

/**
 * The picture, or a neutral frame of the image's size when it is not loaded. Smoothed
 * when shrunk or slightly enlarged; past PIXEL_TRUE_SCALE each image pixel is a block of
 * its own colour, so a mask's edge can be judged against the picture's. The choice is made
 * per draw from the stage's live scale, so it holds during a wheel zoom too. Memoized: a
 * render of the stage for anything else (an edit, a hover) does not give its shape a new
 * draw function, which made Konva draw the picture again.
 */
export const PictureLayer = memo(function PictureLayer(props: {
  picture: ImageBitmap | null;
  width: number;
  height: number;
}) {
  const { picture, width, height } = props;
  return (
    <Layer listening={false}>
      {picture !== null ? (
        <Shape
          listening={false}
          sceneFunc={(ctx, shape) => {
            const c = ctx._context;
            c.imageSmoothingEnabled = (shape.getStage()?.scaleX() ?? 1) < PIXEL_TRUE_SCALE;
            c.drawImage(picture, 0, 0, width, height);
          }}
        />
      ) : (
        <Rect
          x={0}
          y={0}
          width={width}
          height={height}
          fill="#3a4150"
          stroke="#5b6476"
          strokeWidth={1}
          strokeScaleEnabled={false}
        />
      )}
    </Layer>
  );
});

import { Image as KonvaImage, Layer, Rect } from 'react-konva';

/** From this scale (400 %) on, the picture is drawn nearest-neighbour: pixels as blocks. */
export const PIXEL_TRUE_SCALE = 4;

/**
 * The picture, or a neutral frame of the image's size when it is not loaded. Smoothed
 * when shrunk or slightly enlarged; past PIXEL_TRUE_SCALE each image pixel is a block of
 * its own colour, so a mask's edge can be judged against the picture's.
 */
export function PictureLayer(props: {
  picture: ImageBitmap | null;
  width: number;
  height: number;
  scale: number;
}) {
  const { picture, width, height } = props;
  return (
    <Layer listening={false} imageSmoothingEnabled={props.scale < PIXEL_TRUE_SCALE}>
      {picture !== null ? (
        <KonvaImage image={picture} x={0} y={0} width={width} height={height} />
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
}

import { Image as KonvaImage, Layer, Rect } from 'react-konva';

/** The picture, or a neutral frame of the image's size when it is not loaded. */
export function PictureLayer(props: {
  picture: ImageBitmap | null;
  width: number;
  height: number;
}) {
  const { picture, width, height } = props;
  return (
    <Layer listening={false}>
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

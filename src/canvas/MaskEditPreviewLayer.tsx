import { Image as KonvaImage, Layer } from 'react-konva';
import { previewImage } from '../store/maskPreviewSlice';
import { useApp } from '../store/store';

/**
 * The pixels a previewed mask command changes (added and removed in their colours, a
 * crowd conversion's kept pixels too; see PREVIEW_COLORS), drawn over the picture and the
 * masks at the image's pixels, nearest-neighbour: at 6400 % each changed pixel is one hard
 * square. Mounted only while a preview of the shown image is ready.
 */
export function MaskEditPreviewLayer(props: { subset: number; imageIndex: number }) {
  const pending = useApp((s) => s.maskPreview);
  if (pending === null || pending.result === null) return null;
  if (pending.subset !== props.subset || pending.imageIndex !== props.imageIndex) return null;
  const image = previewImage(pending.id);
  if (image === null) return null;
  return (
    <Layer listening={false} imageSmoothingEnabled={false} name="mask-edit-preview">
      <KonvaImage
        image={image.bitmap}
        x={image.x}
        y={image.y}
        width={image.width}
        height={image.height}
        opacity={0.85}
      />
    </Layer>
  );
}

import { useEffect } from 'react';
import Konva from 'konva';
import { Image as KonvaImage, Layer } from 'react-konva';
import { previewImage } from '../store/maskPreviewSlice';
import { useApp } from '../store/store';
import type { Viewport } from './viewport';

/**
 * The pixels a previewed mask command changes (added and removed in their colours, a
 * crowd conversion's kept pixels too; see PREVIEW_COLORS), drawn over the picture and the
 * masks at the image's pixels, nearest-neighbour: at 6400 % each changed pixel is one hard
 * square. Drawn only while a preview of the shown image is ready. The engine makes the
 * bitmap at the resolution the canvas shows (`viewport`, told to the store here): zoomed
 * out, one bitmap pixel per device pixel, placed on the device pixels it was made for.
 */
export function MaskEditPreviewLayer(props: {
  /** The image whose view the canvas draws; null while none is (a preview is not drawn). */
  image: { subset: number; index: number } | null;
  viewport: Viewport;
}) {
  const pending = useApp((s) => s.maskPreview);
  const setShown = useApp((s) => s.setPreviewShown);
  const { scale, x, y } = props.viewport;
  useEffect(() => {
    void setShown({ scale, x, y, ratio: Konva.pixelRatio });
  }, [setShown, scale, x, y]);
  const shown =
    pending !== null &&
    pending.result !== null &&
    pending.subset === props.image?.subset &&
    pending.imageIndex === props.image.index;
  const image = shown ? previewImage(pending.id) : null;
  // The layer stays mounted, empty and hidden between previews: a layer is a canvas, and
  // making one (and dropping it at Apply) cost the preview and the Apply a canvas each; a
  // hidden layer's canvas is not drawn nor composited (`display: none`), so an image switch
  // pays nothing for it.
  return (
    <Layer
      listening={false}
      imageSmoothingEnabled={false}
      name="mask-edit-preview"
      visible={image !== null}
    >
      {image !== null && (
        <KonvaImage
          image={image.bitmap}
          x={image.x}
          y={image.y}
          width={image.width}
          height={image.height}
          opacity={0.85}
        />
      )}
    </Layer>
  );
}

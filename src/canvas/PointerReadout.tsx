import type { PlainAnnotation } from '../store/viewSlice';
import type { MaskImage } from '../worker/protocol';
import { maskAlpha } from './maskAlpha';
import { masksAt, type MaskBox } from './masksAt';

/**
 * The image pixel under the pointer and the masks containing it ("x 412, y 97 · in:
 * person #7 (crowd), bird #2"), read from the mask pixels on the page: a pointer move asks
 * the worker nothing.
 */
export function PointerReadout(props: {
  pixel: { x: number; y: number };
  annotations: PlainAnnotation[];
  masks: ReadonlyMap<number, MaskImage>;
  names: Record<string, string>;
}) {
  const { pixel, masks } = props;
  const withMasks: [PlainAnnotation, MaskBox][] = [];
  for (const a of props.annotations) {
    const m = masks.get(a.key);
    if (m !== undefined) withMasks.push([a, m]);
  }
  const inside = masksAt(withMasks, (a) => maskAlpha(masks.get(a.key)!), pixel.x, pixel.y);
  const named = inside.map(
    (a) =>
      `${props.names[String(a.categoryId)] ?? 'mask'} #${String(a.id)}${a.iscrowd ? ' (crowd)' : ''}`,
  );
  return (
    <div className="pointer-readout" role="note" aria-label="Pointer">
      x {pixel.x}, y {pixel.y}
      {named.length > 0 && ` · in: ${named.join(', ')}`}
    </div>
  );
}

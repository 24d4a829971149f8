/** `images` entries → image records. */
import { idKey, type IdKey, type ImageId } from '../ids';
import type { ImageRecord, UnusableEntry } from '../model';
import { pathOf } from '../problems';
import type { CocoImage } from '../types';
import { describeType, isFiniteNumber, isObject, own, type ParseContext } from './context';

/** Images larger than this many pixels are drawn downscaled; the user is told. */
export const LARGE_IMAGE_PIXELS = 16384 * 16384;

export function parseImages(
  ctx: ParseContext,
  entries: readonly unknown[],
  unusable: UnusableEntry[],
): ImageRecord[] {
  const records: ImageRecord[] = [];
  const seen = new Map<IdKey, number>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const path = `images[${i}]`;
    if (!isObject(entry)) {
      ctx.report(
        'wrong-type',
        path,
        `an image should be an object, not ${describeType(entry)}`,
        'error',
      );
      unusable.push({ collection: 'images', sourceIndex: i, value: entry });
      continue;
    }
    const id = ctx.requireId(entry, 'id', path, 'an image');
    if (id === undefined) {
      unusable.push({ collection: 'images', sourceIndex: i, value: entry });
      continue;
    }
    const first = seen.get(idKey(id));
    if (first !== undefined) {
      ctx.report(
        'duplicate-id',
        pathOf(path, 'id'),
        `image id ${JSON.stringify(id)} is also used by images[${first}]`,
        'error',
        {
          imageId: id,
        },
      );
    } else seen.set(idKey(id), i);
    const width = imageSize(ctx, entry, 'width', path, id);
    const height = imageSize(ctx, entry, 'height', path, id);
    if (width * height > LARGE_IMAGE_PIXELS) {
      ctx.report(
        'too-large',
        path,
        `image ${width}×${height} is very large; it is drawn downscaled`,
        'warning',
        {
          imageId: id,
        },
      );
    }
    records.push({
      id: id as ImageId,
      fileName: fileNameOf(ctx, entry, path, id),
      width,
      height,
      file: entry as CocoImage,
      sourceIndex: i,
    });
  }
  return records;
}

function imageSize(
  ctx: ParseContext,
  entry: Record<string, unknown>,
  key: 'width' | 'height',
  path: string,
  imageId: ImageId | string | number,
): number {
  const value = own(entry, key);
  if (value === undefined) {
    ctx.report('missing-field', pathOf(path, key), `image has no "${key}"`, 'error', { imageId });
    return 0;
  }
  if (!isFiniteNumber(value) || value <= 0 || !Number.isInteger(value)) {
    ctx.report(
      'image-size-invalid',
      pathOf(path, key),
      `"${key}" should be a positive whole number, not ${describeType(value)}`,
      'error',
      {
        imageId,
      },
    );
    return isFiniteNumber(value) && value > 0 ? Math.round(value) : 0;
  }
  return value;
}

/** `file_name`, else the last segment of `coco_url`/`flickr_url`, else ''. */
function fileNameOf(
  ctx: ParseContext,
  entry: Record<string, unknown>,
  path: string,
  imageId: string | number,
): string {
  const name = own(entry, 'file_name');
  if (typeof name === 'string' && name !== '') return name;
  if (name !== undefined && typeof name !== 'string') {
    ctx.report(
      'wrong-type',
      pathOf(path, 'file_name'),
      `"file_name" should be text, not ${describeType(name)}`,
      'error',
      {
        imageId,
      },
    );
  }
  for (const key of ['coco_url', 'flickr_url']) {
    const url = own(entry, key);
    if (typeof url === 'string' && url !== '') {
      const base = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
      if (base !== '') {
        ctx.report(
          'image-file-name-missing',
          pathOf(path, 'file_name'),
          `no "file_name"; using "${base}" from "${key}"`,
          'info',
          {
            imageId,
          },
        );
        return base;
      }
    }
  }
  ctx.report(
    'image-file-name-missing',
    pathOf(path, 'file_name'),
    'image has no "file_name"; its picture cannot be found',
    'warning',
    {
      imageId,
    },
  );
  return '';
}

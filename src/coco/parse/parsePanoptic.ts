/**
 * panoptic `annotations`: one entry per image, naming its PNG segment map and listing
 * `segments_info`. Each segment becomes an annotation record (segment ids are unique
 * per image only, so they are not indexed by id).
 */
import { idKey, type AnnotationId, type CategoryId, type ImageId } from '../ids';
import type { AnnotationRecord, PanopticEntry, UnusableEntry } from '../model';
import { pathOf } from '../problems';
import type { CocoSegmentInfo } from '../types';
import { describeType, isObject, own, RecordPlace, type ParseContext } from './context';
import type { Lookup } from './parseAnnotations';
import { parseBbox } from './parseGeometry';

export function parsePanoptic(
  ctx: ParseContext,
  entries: readonly unknown[],
  lookup: Lookup,
  unusable: UnusableEntry[],
): { entries: PanopticEntry[]; segments: AnnotationRecord[] } {
  const out: PanopticEntry[] = [];
  const segments: AnnotationRecord[] = [];
  entries.forEach((entry, i) => {
    const path = `annotations[${i}]`;
    const imageId = isObject(entry)
      ? ctx.requireId(entry, 'image_id', path, 'a panoptic entry')
      : undefined;
    const fileName = isObject(entry) ? own(entry, 'file_name') : undefined;
    const infos = isObject(entry) ? own(entry, 'segments_info') : undefined;
    if (
      !isObject(entry) ||
      imageId === undefined ||
      typeof fileName !== 'string' ||
      !Array.isArray(infos)
    ) {
      if (isObject(entry) && typeof fileName !== 'string') {
        ctx.report(
          'missing-field',
          pathOf(path, 'file_name'),
          'panoptic entry has no "file_name" of its PNG segment map',
          'error',
        );
      } else if (isObject(entry) && !Array.isArray(infos)) {
        ctx.report(
          'missing-field',
          pathOf(path, 'segments_info'),
          'panoptic entry has no "segments_info" list',
          'error',
        );
      } else if (!isObject(entry)) {
        ctx.report(
          'wrong-type',
          path,
          `a panoptic entry should be an object, not ${describeType(entry)}`,
          'error',
        );
      }
      unusable.push({ collection: 'annotations', sourceIndex: i, value: entry });
      return;
    }
    if (!lookup.imageById.has(idKey(imageId))) {
      ctx.report(
        'unknown-image',
        pathOf(path, 'image_id'),
        `image_id ${JSON.stringify(imageId)} is not in "images"`,
        'error',
        { imageId },
      );
    }
    out.push({ imageId: imageId as ImageId, pngFileName: fileName, file: entry, sourceIndex: i });
    const place = new RecordPlace(`${path}.segments_info`);
    infos.forEach((info, j) => {
      const at = `${path}.segments_info[${j}]`;
      place.index = j;
      if (!isObject(info)) {
        ctx.report(
          'wrong-type',
          at,
          `a segment should be an object, not ${describeType(info)}`,
          'error',
          { imageId },
        );
        return;
      }
      const segmentId = own(info, 'id');
      if (!Number.isInteger(segmentId) || (segmentId as number) < 0) {
        ctx.report(
          'wrong-type',
          pathOf(at, 'id'),
          'segment "id" should be a whole number (R + 256·G + 256²·B)',
          'error',
          { imageId },
        );
        return;
      }
      const categoryId = ctx.requireId(info, 'category_id', at, 'a segment');
      if (categoryId !== undefined && !lookup.categoryById.has(idKey(categoryId))) {
        ctx.report(
          'unknown-category',
          pathOf(at, 'category_id'),
          `category_id ${JSON.stringify(categoryId)} is not in "categories"`,
          'error',
          { imageId },
        );
      }
      place.imageId = imageId;
      place.annotationId = segmentId as number;
      const area = own(info, 'area');
      segments.push({
        id: segmentId as AnnotationId,
        imageId: imageId as ImageId,
        categoryId: (categoryId ?? null) as CategoryId | null,
        segmentation: { kind: 'panoptic', segmentId: segmentId as number, pngFileName: fileName },
        bbox: parseBbox(ctx, own(info, 'bbox'), place),
        area: typeof area === 'number' ? area : null,
        iscrowd: own(info, 'iscrowd') === 1 || own(info, 'iscrowd') === true,
        score: null,
        keypoints: null,
        caption: null,
        attributes: null,
        file: info as CocoSegmentInfo,
        sourceIndex: i,
      });
    });
  });
  return { entries: out, segments };
}

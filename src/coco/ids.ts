/**
 * Branded ids of the app model. A file's ids are numbers or (from some tools) strings;
 * the brands keep an image id from being passed where a category id is meant.
 */
import type { CocoId } from './types';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ImageId = Brand<CocoId, 'ImageId'>;
export type AnnotationId = Brand<CocoId, 'AnnotationId'>;
export type CategoryId = Brand<CocoId, 'CategoryId'>;

/**
 * The key an id is looked up by. A string that spells an integer ("12") finds the number
 * 12: tools that write string ids write them on both ends of a reference, or on one end
 * only; either way the user means the same record.
 */
export type IdKey = number | string;

export function idKey(id: CocoId): IdKey {
  if (typeof id === 'number') return id;
  const n = Number(id);
  return id.trim() !== '' && Number.isSafeInteger(n) ? n : id;
}

/** A valid id: a finite number or a non-empty string. */
export function isCocoId(value: unknown): value is CocoId {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value !== '')
  );
}

/**
 * Thumbnails for the image list: object URLs of the pictures (a stored zip entry is a
 * slice of the zip, no copy), kept for the rows recently shown and revoked after.
 */
import { useEffect, useState } from 'react';
import { engine } from '../store/engine';

const LIMIT = 400;
const urls = new Map<string, Promise<string | null>>();

function thumbnailUrl(subset: number, imageIndex: number): Promise<string | null> {
  const key = `${subset}:${imageIndex}`;
  const hit = urls.get(key);
  if (hit !== undefined) return hit;
  const url = engine.picture(subset, imageIndex).then(
    (blob) => (blob === null ? null : URL.createObjectURL(blob)),
    () => null,
  );
  urls.set(key, url);
  while (urls.size > LIMIT) {
    const oldest = urls.keys().next().value as string;
    void urls.get(oldest)!.then((u) => u !== null && URL.revokeObjectURL(u));
    urls.delete(oldest);
  }
  return url;
}

/** Forgets every thumbnail (a new dataset was opened). */
export function clearThumbnails(): void {
  for (const u of urls.values()) void u.then((x) => x !== null && URL.revokeObjectURL(x));
  urls.clear();
}

export function useThumbnail(subset: number, imageIndex: number, enabled: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void thumbnailUrl(subset, imageIndex).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [subset, imageIndex, enabled]);
  return enabled ? url : null;
}

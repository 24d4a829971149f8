/**
 * A picture file as the page draws it: its bytes typed by the file's extension when the
 * file (a zip entry, say) has no type, or why it cannot be read (an LZMA zip entry, a
 * damaged one): an unreadable picture is that picture's problem, never its image's.
 */
import type { VirtualFile } from '../io/virtualFiles';

export async function readPicture(
  file: VirtualFile,
): Promise<{ picture: Blob | null; error: string | null }> {
  try {
    const blob = await file.blob();
    const picture = blob.type === '' ? blob.slice(0, blob.size, mimeOf(file.path)) : blob;
    return { picture, error: null };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { picture: null, error: `the picture could not be read: ${why}` };
  }
}

function mimeOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    webp: 'image/webp',
    bmp: 'image/bmp',
    avif: 'image/avif',
    svg: 'image/svg+xml',
    tif: 'image/tiff',
    tiff: 'image/tiff',
  };
  return types[ext] ?? 'application/octet-stream';
}

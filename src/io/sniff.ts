/** Telling what a file holds from its first bytes, before reading it whole. */

/**
 * Whether a JSON file is a bare array (a results list: pycocotools' `loadRes` input) rather
 * than an object (a dataset): its first character after a BOM and white space is `[`.
 */
export async function isJsonArray(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 256).arrayBuffer());
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)
  )
    i++;
  return head[i] === 0x5b;
}

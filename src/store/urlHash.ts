/**
 * The current image lives in the URL hash (`#image=000000000139.jpg`), so reload returns to
 * it. Outside a page (the store's tests in Node) there is no URL: nothing is read or written.
 */

/** The image to write, while its write waits for the switch's frame to be drawn. */
let pending: string | null = null;

export function imageFromHash(): string | null {
  if (typeof window === 'undefined') return null;
  if (pending !== null) return pending;
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get('image');
}

/**
 * Writes the image into the URL once the frame that shows it is drawn: `replaceState`
 * takes milliseconds, which an image switch cannot spare before it draws.
 */
export function writeImageHash(image: string): void {
  if (typeof window === 'undefined') return;
  const waiting = pending !== null;
  pending = image;
  if (waiting) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
      if (pending !== null && params.get('image') !== pending) {
        params.set('image', pending);
        history.replaceState(null, '', `#${params.toString()}`);
      }
      pending = null;
    }, 0),
  );
}

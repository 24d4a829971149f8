/**
 * The current image lives in the URL hash (`#image=000000000139.jpg`), so reload returns to
 * it. Outside a page (the store's tests in Node) there is no URL: nothing is read or written.
 */

export function imageFromHash(): string | null {
  if (typeof window === 'undefined') return null;
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get('image');
}

export function writeImageHash(image: string): void {
  if (typeof window === 'undefined') return;
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  params.set('image', image);
  history.replaceState(null, '', `#${params.toString()}`);
}

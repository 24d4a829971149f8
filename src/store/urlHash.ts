/** The current image lives in the URL hash (`#image=000000000139.jpg`), so reload returns to it. */

export function imageFromHash(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get('image');
}

export function writeImageHash(image: string): void {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  params.set('image', image);
  history.replaceState(null, '', `#${params.toString()}`);
}

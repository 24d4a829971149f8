/** Saves a Blob as a download, with the given file name (the page's own origin, no network). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click is handled; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

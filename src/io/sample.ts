/** The sample dataset shipped with the app (public/sample/), fetched from the page's own origin. */
import type { SourceFile } from '../worker/protocol';

export async function loadSample(): Promise<SourceFile[]> {
  const base = new URL('sample/', document.baseURI);
  const manifest = (await (await fetch(new URL('manifest.json', base))).json()) as {
    files: string[];
  };
  return Promise.all(
    manifest.files.map(async (path) => {
      const response = await fetch(new URL(path, base));
      if (!response.ok) throw new Error(`sample file ${path} is missing (${response.status})`);
      return { path, file: await response.blob() };
    }),
  );
}

/** The sample dataset shipped with the app (public/sample/), fetched from the page's own origin. */
import type { SourceFile } from './sourceFile';

/** The sample's files; with `predictions`, also a model's results list for it. */
export async function loadSample(options: { predictions?: boolean } = {}): Promise<SourceFile[]> {
  const base = new URL('sample/', document.baseURI);
  const manifest = (await (await fetch(new URL('manifest.json', base))).json()) as {
    files: string[];
    predictions?: string[];
  };
  const paths = [...manifest.files, ...(options.predictions ? (manifest.predictions ?? []) : [])];
  return Promise.all(
    paths.map(async (path) => {
      const response = await fetch(new URL(path, base));
      if (!response.ok) throw new Error(`sample file ${path} is missing (${response.status})`);
      return { path, file: await response.blob() };
    }),
  );
}

/**
 * Entry names an exported zip can hold without harm, derived from `file_name`s.
 *
 * A `file_name` is whatever the json says: `../../outside/x.png` (a zip-slip for whoever
 * extracts the zip), `/abs/x.png`, `C:\pics\x.png`, `http://host/x.png`. Written as given
 * under `images/<subset>/`, such names leave the folder or become nonsense paths. The rule:
 * a name that is a plain relative path (forward slashes, no `.`/`..` segments, no colon,
 * no control characters, no leading or doubled slash) is kept as it is; any other name
 * becomes its last segment, with colons and control characters replaced by `_`.
 *
 * The picture matcher (matchPictures.ts) applies the same rule to the same list of names,
 * so an exported zip reopens with every picture found while its json keeps `file_name`
 * unchanged.
 */

/** Anything `safeEntryPath` would change; most names match none of it. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_WORK = /[\\:\x00-\x1f\x7f]|^\/|\/\/|\/$|(^|\/)\.\.?(\/|$)/;

/** The safe relative path for one name (see the module header); never empty. */
export function safeEntryPath(name: string): string {
  if (name !== '' && !NEEDS_WORK.test(name)) return name;
  const segments = name
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  const unsafe =
    /^[\\/]/.test(name) ||
    /^[A-Za-z][A-Za-z0-9+.-]*:/.test(name) || // a scheme (http:) or a drive letter (C:)
    segments.some((s) => s === '..' || s.includes(':'));
  const kept = unsafe ? segments.slice(-1) : segments;
  const path = kept
    .filter((s) => s !== '..')
    .join('/')
    // eslint-disable-next-line no-control-regex -- control characters are what it replaces
    .replace(/[:\x00-\x1f\x7f]/g, '_');
  return path === '' ? 'picture' : path;
}

/**
 * Safe entry paths for a list of names, position for position: a name already safe is
 * kept; the others get `safeEntryPath`, made distinct (`x (2).png`) from every other path
 * of the list, compared without case (a case-insensitive disk would merge them). Equal
 * names get equal paths (two images may share a picture). The result depends only on the
 * list, so a reader and a writer that see the same names derive the same paths.
 */
export function safeEntryPaths(names: readonly string[]): string[] {
  const renamed: number[] = [];
  for (let i = 0; i < names.length; i++) {
    if (safeEntryPath(names[i]!) !== names[i]) renamed.push(i);
  }
  if (renamed.length === 0) return [...names];
  const out = [...names];
  const taken = new Set<string>();
  const isRenamed = new Uint8Array(names.length);
  for (const i of renamed) isRenamed[i] = 1;
  names.forEach((name, i) => {
    if (isRenamed[i] === 0) taken.add(name.toLowerCase());
  });
  const chosen = new Map<string, string>();
  for (const i of renamed) {
    const name = names[i]!;
    const prior = chosen.get(name);
    if (prior !== undefined) {
      out[i] = prior;
      continue;
    }
    const base = safeEntryPath(name);
    let path = base;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = withSuffix(base, n);
    taken.add(path.toLowerCase());
    chosen.set(name, path);
    out[i] = path;
  }
  return out;
}

/** `dir/x.png`, 2 → `dir/x (2).png`. */
function withSuffix(path: string, n: number): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const at = dot > slash + 1 ? dot : path.length;
  return `${path.slice(0, at)} (${n})${path.slice(at)}`;
}

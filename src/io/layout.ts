/**
 * How datasets are laid out on disk and in zips: which files are annotations, which are
 * pictures, which subset each belongs to, and where a subset's pictures live. Pure
 * functions of paths (forward slashes, relative to what the user dropped).
 *
 * Layouts recognised: CVAT COCO 1.1 / Datumaro (`annotations/<task>_<subset>.json` with
 * `images/<subset>/…`), the official one (`annotations/instances_val2017.json` with
 * `val2017/…`), Roboflow's (`<subset>/_annotations.coco.json` beside the pictures),
 * MMDetection's (`annotations/` with `<subset>/`), and flat folders.
 */

export const TASKS = [
  'instances',
  'person_keypoints',
  'captions',
  'image_info',
  'labels',
  'panoptic',
  'stuff',
] as const;
export type Task = (typeof TASKS)[number];

const PICTURE = /\.(jpe?g|png|bmp|gif|webp|tiff?|avif|svg)$/i;

export function isPicture(path: string): boolean {
  return PICTURE.test(path);
}

export function isJson(path: string): boolean {
  return /\.json$/i.test(path);
}

export function isZip(path: string): boolean {
  return /\.zip$/i.test(path);
}

export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins path parts, dropping empty ones: `join('', 'a', 'b.jpg')` = `a/b.jpg`. */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

export type AnnotationFile = {
  path: string;
  /** The subset it belongs to (`val2017`, `default`, `train`). */
  subset: string;
  /** The task its name says (`instances`), or null for other names. */
  task: Task | null;
  /** The folder the layout is relative to: the parent of `annotations/`, else the json's folder. */
  root: string;
};

/** Where an annotation file sits in its layout. */
export function describeAnnotationFile(path: string): AnnotationFile {
  const dir = dirName(path);
  const name = baseName(path).replace(/\.json$/i, '');
  const inAnnotationsDir = baseName(dir).toLowerCase() === 'annotations';
  const root = inAnnotationsDir ? dirName(dir) : dir;
  if (name === '_annotations.coco') {
    // Roboflow: the subset is the folder the json sits in, beside its pictures.
    return { path, subset: baseName(dir) || 'default', task: 'instances', root: dirName(dir) };
  }
  for (const task of TASKS) {
    if (name.startsWith(`${task}_`) && name.length > task.length + 1) {
      return { path, subset: name.slice(task.length + 1), task, root };
    }
  }
  return { path, subset: 'default', task: null, root };
}

/**
 * Where to look for a subset's pictures, most likely first: folders relative to the
 * layout's root, then the json's own folder.
 */
export function pictureRoots(file: AnnotationFile): string[] {
  const { root, subset } = file;
  const roots = [
    joinPath(root, 'images', subset),
    joinPath(root, subset),
    joinPath(root, 'images'),
    dirName(file.path),
    root,
    '',
  ];
  return [...new Set(roots)];
}

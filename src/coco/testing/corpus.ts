/** Test-only access to `../shared/corpus/` (read from disk; never copied into the repo). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';

export const corpusDir = resolve(__dirname, '../../../../shared/corpus');

export function readCorpusJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(corpusDir, path), 'utf8')) as T;
}

export function readCorpusText(path: string): string {
  return readFileSync(join(corpusDir, path), 'utf8');
}

/**
 * Every `.json` under the corpus folders `dirs` (by default Datumaro's and cocoapi's, not
 * pycocotools' reference vectors), as relative paths.
 */
export function corpusJsonFiles(dirs: readonly string[] = ['datumaro', 'cocoapi']): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) out.push(relative(corpusDir, full));
    }
  };
  for (const dir of dirs) walk(join(corpusDir, dir));
  return out;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

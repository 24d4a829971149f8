/** Test-only: every file under a corpus folder, by path relative to it. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusDir } from '../../../coco/testing/corpus';

export function corpusTree(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(join(corpusDir, dir), full)] = new Uint8Array(readFileSync(full));
    }
  };
  walk(join(corpusDir, dir));
  return out;
}

import { describe, expect, it } from 'vitest';
import { exportCoco, parseCoco } from './index';
import { corpusJsonFiles, readCorpusText } from './testing/corpus';
import { mutateBytes, mutateJson, seeded } from './testing/mutate';

/** Iterations per corpus file; FUZZ_ITERATIONS=5000 npx vitest run fuzz for a long run. */
const N = Number(process.env.FUZZ_ITERATIONS ?? 200);
/**
 * Vitest's timeout here only ends a run that hangs; it is no speed budget (a fixed number of
 * iterations is the test; speed is npm run bench's), so it is far above any machine's time.
 */
const HANG_MS = Math.max(120_000, N * 1000);
const files = corpusJsonFiles();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe(`fuzz: parseCoco never throws (${N} mutations per file and level)`, () => {
  it.each(files)(
    '%s',
    (path) => {
      const text = readCorpusText(path);
      const value = JSON.parse(text) as unknown;
      const rand = seeded(path.length * 7919);
      for (let i = 0; i < N; i++) {
        const mutated = decoder.decode(mutateBytes(encoder.encode(text), rand));
        for (const input of [mutated, mutateJson(value, rand)]) {
          const result = parseCoco(input, { fileName: path });
          // What opens must also export (the round trip never throws either).
          if (result.dataset !== null) expect(typeof exportCoco(result.dataset)).toBe('string');
          else expect(result.problems.length).toBeGreaterThan(0);
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    HANG_MS,
  );
});

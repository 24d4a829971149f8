import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { mutateBytes, seeded } from '../../coco/testing/mutate';
import { CountingBlob } from './testing/buildZip';
import { corpusTree } from './testing/corpusTree';
import { openZip } from './zipReader';
import { ZipError } from './zipError';

const N = Number(process.env.FUZZ_ITERATIONS ?? 500);
/** Ends a run that hangs; no speed budget (speed is npm run bench's), so far above any machine's time. */
const HANG_MS = Math.max(120_000, N * 1000);

/**
 * Blob reads that opening and reading an archive may take: the end records (two tails, the
 * Zip64 locator and end record), the directory (and again where a shifted one would be),
 * then per entry its local header and its data. More would mean a loop reading again.
 */
const readsAllowed = (entries: number) => 6 + 2 * entries;

describe(`fuzz: the zip reader fails only with a ZipError, never loops (${N} mutations)`, () => {
  const tree = corpusTree('datumaro/coco_dataset/coco_instances');
  const archive = zipSync(
    Object.fromEntries(
      Object.entries(tree).map(([p, b]) => [p, [b, { level: p.endsWith('.json') ? 6 : 0 }]]),
    ),
  );

  it(
    'opens and reads every entry of mutated archives',
    async () => {
      const rand = seeded(42);
      let opened = 0;
      let refused = 0;
      for (let i = 0; i < N; i++) {
        const bytes = mutateBytes(archive, rand);
        const blob = new CountingBlob([bytes as Uint8Array<ArrayBuffer>]);
        let entries = 0;
        try {
          const zip = await openZip(blob, 'fuzz.zip');
          entries = zip.entries.length;
          for (const entry of zip.entries)
            await zip.read(entry).catch((e: unknown) => expect(e).toBeInstanceOf(ZipError));
          opened++;
        } catch (error) {
          expect(error).toBeInstanceOf(ZipError);
          expect((error as ZipError).message.length).toBeGreaterThan(10);
          refused++;
        }
        expect(blob.reads).toBeLessThanOrEqual(readsAllowed(entries));
      }
      expect(opened + refused).toBe(N);
    },
    HANG_MS,
  );
});

import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { mutateBytes, seeded } from '../../coco/testing/mutate';
import { corpusTree } from './testing/corpusTree';
import { openZip } from './zipReader';
import { ZipError } from './zipError';

const N = Number(process.env.FUZZ_ITERATIONS ?? 500);

describe(`fuzz: the zip reader fails only with a ZipError, never hangs (${N} mutations)`, () => {
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
        const t0 = performance.now();
        try {
          const zip = await openZip(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'fuzz.zip');
          for (const entry of zip.entries)
            await zip.read(entry).catch((e: unknown) => expect(e).toBeInstanceOf(ZipError));
          opened++;
        } catch (error) {
          expect(error).toBeInstanceOf(ZipError);
          expect((error as ZipError).message.length).toBeGreaterThan(10);
          refused++;
        }
        expect(performance.now() - t0).toBeLessThan(2000);
      }
      expect(opened + refused).toBe(N);
    },
    Math.max(30_000, N * 60),
  );
});

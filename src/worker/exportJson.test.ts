import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyPatch, DEFAULT_EXPORT, planSetFields, StoredAnnotations } from '../coco';
import { exportJson } from './exportFiles';
import { openFiles } from './openFiles';

/** Every write the export makes, counted (the export file of the browser is a sink). */
const writes: number[] = [];
vi.mock('./exportSink', async (original) => {
  const real = await original<typeof import('./exportSink')>();
  return {
    ...real,
    openSink: async (name: string) => {
      const sink = await real.openSink(name);
      return {
        write: (chunk: Uint8Array | string) => {
          writes.push(typeof chunk === 'string' ? chunk.length : chunk.byteLength);
          sink.write(chunk);
        },
        finish: (type: string) => sink.finish(type),
      };
    },
  };
});

function dataset(n: number): string {
  const annotations = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    image_id: 1 + (i % 50),
    category_id: 1,
    bbox: [1.0, 2.0, 3.0, 4.0],
    area: 12.0,
    iscrowd: 0,
  }));
  const images = Array.from({ length: 50 }, (_, i) => ({
    id: i + 1,
    file_name: `${i}.jpg`,
    width: 10,
    height: 10,
  }));
  return JSON.stringify(
    {
      images,
      annotations,
      categories: [
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ],
    },
    null,
    1,
  );
}

describe('Export JSON of an edited file', () => {
  it('copies the untouched records in a few large writes, not one per record', async () => {
    const text = dataset(20_000);
    const opened = await openFiles(
      [{ path: 'instances_default.json', file: new Blob([text]) }],
      () => {},
    );
    const subset = opened.subsets[0]!;
    const source = subset.sources[0]!;
    source.dataset = applyPatch(
      source.dataset,
      planSetFields(source.dataset, [7], { category_id: 2 }),
    );
    writes.length = 0;
    const [file] = await exportJson(
      subset,
      DEFAULT_EXPORT,
      () => {},
      () => false,
    );
    const out = await file!.blob.text();
    const record = (label: number) => `"id": 8,\n   "image_id": 8,\n   "category_id": ${label},`;
    expect(text).toContain(record(1));
    expect(out).toBe(text.replace(record(1), record(2)));
    expect(out).not.toBe(text);
    // 20,000 records (1.5 MB) in at most a handful of writes.
    expect(writes.length).toBeLessThanOrEqual(4);
  });

  it('stored: the records after the edit are not written but taken from the opened file', async () => {
    const text = dataset(40_000);
    const file = new Blob([text]);
    const opened = await openFiles([{ path: 'instances_default.json', file }], () => {});
    const subset = opened.subsets[0]!;
    const source = subset.sources[0]!;
    source.dataset = applyPatch(
      source.dataset,
      planSetFields(source.dataset, [30_000], { category_id: 2 }),
    );
    writes.length = 0;
    const [exported] = await exportJson(
      subset,
      DEFAULT_EXPORT,
      () => {},
      () => false,
    );
    const record = (label: number) =>
      `"id": 30001,\n   "image_id": 1,\n   "category_id": ${label},`;
    expect(text).toContain(record(1));
    expect(await exported!.blob.text()).toBe(text.replace(record(1), record(2)));
    const written = writes.reduce((n, w) => n + w, 0);
    // Stored (project "stored"): the images, a megabyte around the edit, the categories.
    const stored = source.original.annotations instanceof StoredAnnotations;
    expect(written).toBeLessThan(stored ? text.length / 2 : text.length + 1);
    expect(written).toBeGreaterThan(stored ? 0 : text.length - 1);
  });
});

describe('Export JSON under a quota smaller than the file', () => {
  const estimate = vi.fn(async () => ({ quota: 10_000, usage: 0 }));
  afterEach(() => vi.unstubAllGlobals());

  async function opened() {
    vi.stubGlobal('navigator', { storage: { estimate } });
    const text = dataset(2_000);
    const { subsets } = await openFiles(
      [{ path: 'instances_default.json', file: new Blob([text]) }],
      () => {},
    );
    return { text, subset: subsets[0]! };
  }

  it('unedited: the file itself, nothing written and no storage asked for', async () => {
    const { text, subset } = await opened();
    expect(text.length).toBeGreaterThan(10 * 10_000);
    writes.length = 0;
    estimate.mockClear();
    const [file] = await exportJson(
      subset,
      DEFAULT_EXPORT,
      () => {},
      () => false,
    );
    expect(await file!.blob.text()).toBe(text);
    expect(writes).toEqual([]);
    expect(estimate).not.toHaveBeenCalled();
  });

  it('stored, edited near its start: asks only for what it writes, not for the whole file', async () => {
    const text = dataset(40_000);
    const quota = text.length / 2;
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota, usage: 0 }) } });
    const { subsets } = await openFiles(
      [{ path: 'instances_default.json', file: new Blob([text]) }],
      () => {},
    );
    const source = subsets[0]!.sources[0]!;
    source.dataset = applyPatch(
      source.dataset,
      planSetFields(source.dataset, [30], { category_id: 2 }),
    );
    const outcome = await exportJson(
      subsets[0]!,
      DEFAULT_EXPORT,
      () => {},
      () => false,
    ).then(
      (files) => files[0]!.blob.size,
      (error: Error) => error.message,
    );
    // Stored (project "stored"): the records after the edit are referred to, not written.
    const stored = source.original.annotations instanceof StoredAnnotations;
    expect(outcome).toEqual(stored ? text.length : expect.stringMatching(/needs about/));
  });

  it('edited: refused before anything is written, the storage left named', async () => {
    const { subset } = await opened();
    const source = subset.sources[0]!;
    source.dataset = applyPatch(
      source.dataset,
      planSetFields(source.dataset, [7], { category_id: 2 }),
    );
    writes.length = 0;
    await expect(
      exportJson(
        subset,
        DEFAULT_EXPORT,
        () => {},
        () => false,
      ),
    ).rejects.toThrow(/needs about .* of the browser's storage, but only 10 kB is left/);
    expect(writes).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../coco/json';
import { corpusJsonFiles, readCorpusText } from '../coco/testing/corpus';
import { mutateBytes, seeded } from '../coco/testing/mutate';
import { generateCoco } from '../../scripts/gen/dataset';
import { BigJsonError, JsonSplitter } from './jsonSplitter';
import { readBigJson } from './readBigJson';
import { fromFile } from './virtualFiles';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The splitter's answer for `bytes` fed in chunks of `chunk` bytes, runs of `run` bytes. */
function split(bytes: Uint8Array, chunk: number, run: number): unknown {
  const splitter = new JsonSplitter(run);
  for (let at = 0; at < bytes.length; at += chunk) splitter.push(bytes.subarray(at, at + chunk));
  return splitter.finish();
}

/** What the app's whole-text path makes of the same bytes. */
function whole(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; line: number } {
  const parsed = parseJsonText(decoder.decode(bytes));
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, line: parsed.line };
}

/** Equal values with the same key order (JSON.stringify follows it). */
function expectSame(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  expect(actual).toEqual(expected);
}

describe('JsonSplitter gives what JSON.parse gives', () => {
  it.each(corpusJsonFiles())('%s, in chunks of 1, 7 and 4096 bytes', (path) => {
    const bytes = encoder.encode(readCorpusText(path));
    const expected = JSON.parse(readCorpusText(path)) as unknown;
    for (const chunk of [1, 7, 4096]) expectSame(split(bytes, chunk, 64), expected);
  });

  it('a generated instances file, in runs of many sizes', () => {
    const text = JSON.stringify(
      generateCoco({ images: 40, annotations: 300, seed: 3, crowdShare: 0.1 }),
      null,
      1,
    );
    const bytes = encoder.encode(text);
    const expected = JSON.parse(text) as unknown;
    for (const [chunk, run] of [
      [1 << 20, 1 << 20],
      [333, 1],
      [65536, 500],
      [17, 10_000],
    ] as const)
      expectSame(split(bytes, chunk, run), expected);
  });

  it('strings with escapes, quotes, brackets and commas; unicode; a byte order mark', () => {
    const value = {
      info: { note: 'a "quoted" [text], {with} \\ backslashes \\\\', emoji: 'ça 😀 مرحبا' },
      'key with \\"escapes\\"': [1, 2],
      images: [
        { id: 1, file_name: 'a\\b\\"c".jpg', tags: ['x,y', ']', '}', '\\'] },
        { id: 2, file_name: '\u200f\u200b', nested: [[[1]], { a: [] }] },
      ],
      empty: [],
      categories: [{ id: 1, name: 'ß' }],
    };
    // Indented and compact: strings inside elements are passed over between newlines or whole.
    for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value)])
      for (const bom of [false, true]) {
        const body = encoder.encode(text);
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        for (const chunk of [1, 2, 3, 5, 1000]) expectSame(split(bytes, chunk, 1), value);
      }
  });

  it('a bare results list', () => {
    const list = [
      { image_id: 1, category_id: 2, bbox: [1, 2, 3, 4], score: 0.5 },
      { image_id: 1, category_id: 2, segmentation: { size: [2, 2], counts: 'a\\"1' }, score: 1 },
    ];
    expectSame(split(encoder.encode(JSON.stringify(list)), 3, 1), list);
    expectSame(split(encoder.encode(' [ ] '), 1, 1), []);
  });

  it('keys like __proto__ are kept as data, and a repeated key keeps its last value', () => {
    for (const text of [
      '{"__proto__": [{"polluted": 1}], "images": [1]}',
      '{"constructor": {"prototype": {"polluted": 1}}, "annotations": [{"__proto__": {"x": 1}}]}',
      '{"images": [1, 2], "images": 3}',
      '{"images": 3, "images": [1, 2]}',
      '{"images": [1], "x": 0, "images": [2]}',
    ]) {
      const bytes = encoder.encode(text);
      const value = split(bytes, 4, 1);
      expectSame(value, JSON.parse(text));
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what JSON.parse refuses, at the same line', () => {
    for (const text of [
      '',
      '   ',
      '{"images": [1, 2',
      '{"images": [1, 2]',
      '{"images": [1, 2]} x',
      '{"images": [1, 2]}}',
      '[1, 2] [3]',
      '{"images": [1,, 2]}',
      '{"images": [1, 2,]}',
      '{"images": [,]}',
      '{"images": [1, 2}}',
      '{"images": {"a": 1]}',
      '{"images": [1 2]}',
      '{"images" [1]}',
      '{[1]}',
      '{"a": 1 "images": [1]}',
      '{\n"images": [\n{"id": 1},\n{"id": NaN}\n]\n}',
      '{\n"info": {"x": tru},\n"images": []\n}',
      '{"images": ["unterminated]}',
      '[{"a": 1}, {"b": 2}]]',
    ]) {
      const bytes = encoder.encode(text);
      const expected = whole(bytes);
      expect(expected.ok, text).toBe(false);
      for (const run of [1, 1000]) {
        let error: unknown = null;
        try {
          split(bytes, 3, run);
        } catch (e) {
          error = e;
        }
        expect(error, text).toBeInstanceOf(BigJsonError);
        if (!expected.ok && text.includes('\n'))
          expect((error as BigJsonError).line, text).toBe(expected.line);
      }
    }
  });

  it('refuses a file that holds a number or a string: no COCO file does', () => {
    for (const text of ['42', '"text"', 'true', 'null'])
      expect(() => split(encoder.encode(text), 1, 1)).toThrow(
        'the file holds neither a JSON object nor an array',
      );
  });

  it('mutated corpus bytes: the same value as JSON.parse, or an error where it fails', () => {
    const rand = seeded(17);
    const files = corpusJsonFiles();
    for (let k = 0; k < Number(process.env.SPLIT_FUZZ ?? 600); k++) {
      const path = files[k % files.length]!;
      const bytes = mutateBytes(encoder.encode(readCorpusText(path)), rand);
      let expected = whole(bytes);
      // A number or a string is valid JSON but no COCO file: the splitter refuses it.
      if (expected.ok && (typeof expected.value !== 'object' || expected.value === null))
        expected = { ok: false, line: 1 };
      let actual: { ok: true; value: unknown } | { ok: false } = { ok: false };
      try {
        actual = { ok: true, value: split(bytes, 1 + (k % 50) * 37, 1 + (k % 7) * 40) };
      } catch (e) {
        expect(e, path).toBeInstanceOf(BigJsonError);
      }
      expect(actual.ok, `${path} #${k}`).toBe(expected.ok);
      if (actual.ok && expected.ok) expectSame(actual.value, expected.value);
    }
  });
});

describe('readBigJson', () => {
  const text = JSON.stringify(generateCoco({ images: 30, annotations: 200, seed: 5 }));
  const bytes = encoder.encode(text);

  it('reads a file and a zip entry to the value JSON.parse gives, with progress', async () => {
    const seen: number[] = [];
    const plain = fromFile({ path: 'big.json', file: new Blob([bytes]) });
    expectSame(await readBigJson(plain, (done) => seen.push(done)), JSON.parse(text));
    expect(seen.at(-1)).toBe(bytes.length);
    const entry = { ...plain, inZip: true, bytes: () => Promise.resolve(bytes) };
    expectSame(await readBigJson(entry), JSON.parse(text));
  });

  it('refuses UTF-16 and says where invalid JSON goes wrong', async () => {
    const utf16 = fromFile({
      path: 'u.json',
      file: new Blob([new Uint8Array([0xff, 0xfe, 0x7b])]),
    });
    await expect(readBigJson(utf16)).rejects.toThrow('save it as UTF-8');
    const broken = fromFile({
      path: 'b.json',
      file: new Blob(['{\n"images": [\n{"id": 1} {"id": 2}]}']),
    });
    await expect(readBigJson(broken)).rejects.toMatchObject({ line: 3 });
  });
});

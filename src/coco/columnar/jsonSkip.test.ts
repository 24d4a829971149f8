import { describe, expect, it } from 'vitest';
import { corpusJsonFiles, readCorpusText } from '../testing/corpus';
import { mutateBytes, seeded } from '../testing/mutate';
import { AnnotationColumns } from './annotationColumns';
import { elementSpans } from './elementSpans';
import { skipValue, skipWhitespace } from './jsonSkip';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Whether `skipValue` takes `bytes` as exactly one JSON value (whitespace around it allowed). */
function skips(bytes: Uint8Array): boolean {
  const from = skipWhitespace(bytes, 0, bytes.length);
  const to = skipValue(bytes, from, bytes.length);
  return to >= 0 && skipWhitespace(bytes, to, bytes.length) === bytes.length;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('skipValue', () => {
  it('accepts the JSON values JSON.parse accepts, and nothing else', () => {
    const cases = [
      '{}',
      '[]',
      '""',
      '"\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t"',
      'true',
      'false',
      'null',
      '-0.5e+3',
      ' {"a" : [1, {"b": null}, "c"] } ',
      '[[[[]]]]',
      '{"":{}}',
      '"é ☃ 😀"',
      '{',
      '[',
      '{"a"}',
      '{"a":}',
      '{"a":1,}',
      '[1,]',
      '[,1]',
      '{,}',
      '{1:2}',
      "'a'",
      '"\\x"',
      '"\\u12"',
      '"a\tb"',
      '"a\nb"',
      'tru',
      'nul',
      'True',
      'NaN',
      '[1 2]',
      '{"a":1 "b":2}',
      '[1]]',
      '{"a":1}}',
      '"',
      '01',
      '1.',
      '-',
      '[-]',
      '{"a":-}',
    ];
    for (const text of cases) expect(skips(encoder.encode(text)), text).toBe(isJson(text));
  });

  it('agrees with JSON.parse on random mutations of the corpus', () => {
    const rand = seeded(77);
    let valid = 0;
    let invalid = 0;
    for (const path of corpusJsonFiles(['datumaro', 'quirks'])) {
      const whole = encoder.encode(readCorpusText(path));
      // Small files whole (mutations then mostly keep them valid), big ones cut short.
      const bytes = whole.length <= 20_000 ? whole : whole.subarray(0, 3000);
      for (let k = 0; k < 200; k++) {
        const mutated = mutateBytes(bytes, rand);
        const expected = isJson(decoder.decode(mutated));
        expect(skips(mutated), decoder.decode(mutated)).toBe(expected);
        if (expected) valid++;
        else invalid++;
      }
      expect(skips(whole), path).toBe(true);
      valid++;
    }
    expect(Math.min(valid, invalid)).toBeGreaterThan(50);
  });
});

describe('elementSpans', () => {
  it('finds the elements of the last top-level `annotations`, or of a bare list', () => {
    const text =
      '{"annotations":[0],"x":{"annotations":[9]},"annotations":[ {"a":"],\\""} ,[1,2], 3 ]}';
    const bytes = encoder.encode(text);
    const spans = elementSpans(bytes, 'annotations')!;
    const elements = [];
    for (let k = 0; k < spans.length; k += 2)
      elements.push(JSON.parse(decoder.decode(bytes.subarray(spans[k], spans[k + 1]))));
    expect(elements).toEqual([{ a: '],"' }, [1, 2], 3]);
    expect(elementSpans(encoder.encode('{"annotations":[ ]}'), 'annotations')).toEqual([]);
    expect(elementSpans(encoder.encode('{"images":[]}'), 'annotations')).toBeNull();
    expect(elementSpans(encoder.encode('[1,[2]]'), null)).toEqual([1, 2, 3, 6]);
  });
});

describe('AnnotationColumns', () => {
  it('grows by half again as needed, keeps every row, and trims to the count', () => {
    const columns = new AnnotationColumns(1);
    for (let row = 0; row < 1000; row++) {
      expect(columns.addRow(10 * row, 10 * row + 5)).toBe(row);
      columns.id[row] = row;
      columns.bbox[4 * row + 3] = row;
      columns.regular[row] = 1;
    }
    expect(columns.capacity).toBeGreaterThanOrEqual(1000);
    columns.trim();
    expect([columns.capacity, columns.id.length, columns.bbox.length]).toEqual([1000, 1000, 4000]);
    expect([columns.start[999], columns.end[999], columns.id[999], columns.bbox[3999]]).toEqual([
      9990, 9995, 999, 999,
    ]);
    columns.clearRow(999);
    expect([columns.id[999], columns.regular[999], columns.keypointCount[999]]).toEqual([
      NaN,
      0,
      -1,
    ]);
    expect(columns.start[999]).toBe(9990);
  });
});

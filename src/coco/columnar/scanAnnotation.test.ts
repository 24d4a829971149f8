import { describe, expect, it } from 'vitest';
import { generateCoco } from '../../../scripts/gen/dataset';
import { rleToString } from '../rle';
import { corpusJsonFiles, readCorpusText } from '../testing/corpus';
import { mutateBytes, mutateJson, seeded } from '../testing/mutate';
import { AnnotationColumns } from './annotationColumns';
import { elementSpans } from './elementSpans';
import { scanAnnotation } from './scanAnnotation';
import { checkScanAgainstParse } from '../testing/scanOracle';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The oracle over every `annotations` element of a dataset file's text. */
function check(text: string) {
  const bytes = encoder.encode(text);
  const spans = elementSpans(bytes, 'annotations');
  if (spans === null) return null;
  return checkScanAgainstParse(bytes, spans);
}

const IMAGES = [{ id: 1, file_name: 'a.jpg', width: 4, height: 2 }];
const CATEGORIES = [{ id: 3, name: 'cat', supercategory: 'animal' }];

/** A dataset file around element texts (given as written), and the byte span of each. */
function datasetOf(elements: readonly Uint8Array[]): { bytes: Uint8Array; spans: number[] } {
  const head = encoder.encode(
    `{"images":${JSON.stringify(IMAGES)},"categories":${JSON.stringify(CATEGORIES)},"annotations":[`,
  );
  const parts: Uint8Array[] = [head];
  const spans: number[] = [];
  let at = head.length;
  elements.forEach((e, k) => {
    if (k > 0) {
      parts.push(encoder.encode(','));
      at++;
    }
    spans.push(at, at + e.length);
    parts.push(e);
    at += e.length;
  });
  parts.push(encoder.encode(']}'));
  const bytes = new Uint8Array(at + 2);
  let p = 0;
  for (const part of parts) {
    bytes.set(part, p);
    p += part.length;
  }
  return { bytes, spans };
}

const BASE = '"id":7,"image_id":1,"category_id":3';

/** Element texts and whether each is regular. */
const CASES: [string, boolean][] = [
  [`{${BASE},"iscrowd":0}`, true],
  [` \n{ "id" : 7 ,\t"image_id":1 ,"category_id":3,"iscrowd":0 }\r\n`, true],
  [`{${BASE},"iscrowd":0.0,"area":-0,"score":0.5,"bbox":[0,0.1,1e1,2E-1]}`, true],
  [`{${BASE},"iscrowd":0,"segmentation":[[1,2,3,4,5,6],[0,0,1,0,1,1,0,1]]}`, true],
  [`{${BASE},"iscrowd":0,"segmentation":[]}`, true],
  [`{${BASE},"iscrowd":0,"segmentation":null}`, true],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[1,3,4]}}`, true],
  [`{${BASE},"iscrowd":1,"segmentation":{"counts":"134","size":[2,4],"x":[]}}`, true],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[1, 3.0 ,4e0]}}`, true],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[0,0000000000000008]}}`, false],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[1,03,4]}}`, false],
  [
    `{${BASE},"iscrowd":1,"segmentation":{"size":[2,117283945061729],"counts":[0,1,01234567890123457,0]}}`,
    false,
  ],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[1,-3,10]}}`, false],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[1,3.5,3.5]}}`, false],
  [`{${BASE},"iscrowd":0,"keypoints":[1,2,2,0,0,0],"num_keypoints":1}`, true],
  [`{${BASE},"iscrowd":0,"attributes":{"occluded":false,"a\\u00e9":[null,"\\n"]},"x":{}}`, true],
  [`{${BASE},"iscrowd":0,"__proto__":{"polluted":true}}`, true],
  [`{${BASE},"iscrowd":0,"\\u0078":1}`, false],
  [`{${BASE}}`, false],
  [`{${BASE},"iscrowd":true}`, false],
  [`{${BASE},"iscrowd":2}`, false],
  [`{"id":"7","image_id":1,"category_id":3,"iscrowd":0}`, false],
  [`{"id":7.5,"image_id":1,"category_id":3,"iscrowd":0}`, false],
  [`{"id":7,"image_id":1e0,"category_id":3,"iscrowd":0}`, false],
  [`{"id":9007199254740993,"image_id":1,"category_id":3,"iscrowd":0}`, false],
  [`{"id":7,"image_id":1,"iscrowd":0}`, false],
  [`{${BASE},"id":8,"iscrowd":0}`, false],
  [`{"\\u0069d":7,"image_id":1,"category_id":3,"iscrowd":0}`, false],
  [`{${BASE},"iscrowd":0,"bbox":[1,2,3]}`, false],
  [`{${BASE},"iscrowd":0,"bbox":[1,2,3,4,5]}`, false],
  [`{${BASE},"iscrowd":0,"bbox":[-1,2,3,4]}`, false],
  [`{${BASE},"iscrowd":0,"bbox":[1,2,-3,4]}`, false],
  [`{${BASE},"iscrowd":0,"bbox":[1,2,3,1e400]}`, false],
  [`{${BASE},"iscrowd":0,"bbox":null}`, false],
  [`{${BASE},"iscrowd":0,"area":-1}`, false],
  [`{${BASE},"iscrowd":0,"score":"0.5"}`, false],
  [`{${BASE},"iscrowd":0,"segmentation":[1,2,3,4,5,6]}`, false],
  [`{${BASE},"iscrowd":0,"segmentation":[[1,2,3,4]]}`, false],
  [`{${BASE},"iscrowd":0,"segmentation":[[1,2,3,4,5,6,7]]}`, false],
  [`{${BASE},"iscrowd":0,"segmentation":[[1,2,3,4,5,1e999]]}`, false],
  [`{${BASE},"iscrowd":1,"segmentation":[[1,2,3,4,5,6]]}`, false],
  [`{${BASE},"iscrowd":0,"segmentation":{"size":[2,4],"counts":[1,3,4]}}`, false],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[1,3,3]}}`, false],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4],"counts":[8]}}`, false],
  [`{${BASE},"iscrowd":1,"segmentation":{"size":[2,4]}}`, false],
  [`{${BASE},"iscrowd":1,"segmentation":[{"size":[2,4],"counts":[1,3,4]}]}`, false],
  [`{${BASE},"iscrowd":0,"keypoints":[1,2,2,0]}`, false],
  [`{${BASE},"iscrowd":0,"keypoints":[1,2,null]}`, false],
  [`{${BASE},"iscrowd":0,"attributes":[]}`, false],
  [`{${BASE},"iscrowd":0,"caption":"a cat"}`, false],
  [`{${BASE},"iscrowd":0,"segments_info":[]}`, false],
  [`{${BASE},"iscrowd":0,}`, false],
  [`{${BASE},"iscrowd":00}`, false],
  [`{${BASE},"iscrowd":0,"x":NaN}`, false],
  [`{${BASE},"iscrowd":0,"x":"\\x"}`, false],
  [`{${BASE},"iscrowd":0,"x":"\t"}`, false],
  [`{${BASE},"iscrowd":0,"x":[1,]}`, false],
  [`{${BASE},"iscrowd":0,"x":tru}`, false],
  [`{${BASE},"iscrowd":0} {}`, false],
  [`[{${BASE},"iscrowd":0}]`, false],
];

describe('scanAnnotation', () => {
  it('calls regular exactly the elements a COCO tool writes without a problem', () => {
    const { bytes, spans } = datasetOf(CASES.map(([text]) => encoder.encode(text)));
    const columns = new AnnotationColumns(1);
    const verdicts = CASES.map((_, i) =>
      scanAnnotation(bytes, spans[2 * i]!, spans[2 * i + 1]!, 0, columns),
    );
    expect(CASES.filter((c, i) => c[1] !== verdicts[i]).map(([text]) => text)).toEqual([]);
    // Every case is also valid JSON but the syntax errors, which the file parse would refuse.
    const valid = datasetOf(
      CASES.filter(([text]) => isJson(text)).map(([text]) => encoder.encode(text)),
    );
    const report = checkScanAgainstParse(valid.bytes, valid.spans);
    expect(report.mismatches).toEqual([]);
    expect(report.regular).toBe(CASES.filter(([, regular]) => regular).length);
  });

  it('reads the element span in file bytes, and numbers bit for bit', () => {
    const text = `  {${BASE},"iscrowd":0,"area":0.1,"score":123456789012345678,"bbox":[4.35,1e-7,0,5e-324]}  `;
    const bytes = encoder.encode(`xx${text}`);
    const columns = new AnnotationColumns(1);
    expect(scanAnnotation(bytes, 2, bytes.length, 5_000_000_000, columns)).toBe(true);
    expect([columns.start[0], columns.end[0]]).toEqual([
      5_000_000_004,
      5_000_000_000 + bytes.length - 2,
    ]);
    expect([columns.area[0], columns.score[0]]).toEqual([0.1, Number('123456789012345678')]);
    expect([...columns.bbox.subarray(0, 4)]).toEqual([4.35, 1e-7, 0, 5e-324]);
  });

  it.each(corpusJsonFiles(['datumaro', 'cocoapi', 'quirks', 'reference/eval']))(
    'holds to the full parse on %s',
    (path) => {
      const report = check(readCorpusText(path));
      if (report !== null) expect(report.mismatches).toEqual([]);
    },
  );

  it('calls every element of generated files regular, compact or indented', () => {
    const coco = generateCoco({ images: 120, annotations: 900, seed: 11, crowdShare: 0.05 });
    const people = generateCoco({ images: 40, annotations: 300, seed: 12, keypoints: true });
    for (const text of [
      JSON.stringify(coco),
      JSON.stringify(coco, null, 2),
      JSON.stringify(people),
    ]) {
      const report = check(text)!;
      expect(report.mismatches).toEqual([]);
      expect(report.irregular).toBe(0);
    }
  });

  it('sums compressed RLE counts however their characters are escaped', () => {
    const rand = seeded(4);
    const elements: Uint8Array[] = [];
    let withPixels = 0;
    for (let k = 0; k < 300; k++) {
      const counts = Array.from({ length: 1 + Math.floor(rand() * 30) }, () =>
        Math.floor(rand() * (rand() < 0.2 ? 1e6 : 60)),
      );
      const total = counts.reduce((a, b) => a + b, 0);
      if (counts.some((c, i) => i % 2 === 1 && c > 0)) withPixels++;
      const text = rleToString({ size: [1, total], counts: Uint32Array.from(counts) });
      // Each character as JSON.stringify writes it, or as a \u escape of four hex digits, or `/` as `\/`.
      const spelled = [...text]
        .map((c) => {
          const r = rand();
          if (r < 0.1) return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
          if (r < 0.2 && c === '/') return '\\/';
          return JSON.stringify(c).slice(1, -1);
        })
        .join('');
      const seg = `{"size":[1,${total}],"counts":"${spelled}"}`;
      elements.push(encoder.encode(`{${BASE},"iscrowd":1,"segmentation":${seg}}`));
    }
    const { bytes, spans } = datasetOf(elements);
    const report = checkScanAgainstParse(bytes, spans);
    expect(report.mismatches).toEqual([]);
    // Masks with a set pixel are regular; an empty mask gets a warning.
    expect(report.regular).toBe(withPixels);
    expect(withPixels).toBeGreaterThan(250);
  });

  it('reads uncompressed RLE counts of any spelling as the full parse does', () => {
    const rand = seeded(40);
    // Tokens and separators, valid and not: what a counts list may be spelled with.
    const tokens = [
      '0',
      '1',
      '7',
      '12',
      ' 5 ',
      '3.0',
      '1e1',
      '01',
      '-1',
      '1.5',
      '',
      '1234567890123456789',
    ];
    const elements: Uint8Array[] = [];
    let valid = 0;
    for (let k = 0; k < 3000; k++) {
      const parts = Array.from(
        { length: Math.floor(rand() * 8) },
        () => tokens[Math.floor(rand() * (rand() < 0.8 ? 5 : tokens.length))],
      );
      const counts = `[${parts.join(rand() < 0.95 ? ',' : ' ')}]`;
      let total: number;
      try {
        const list = JSON.parse(counts) as number[];
        total = list.reduce((a, b) => a + b, 0);
        valid++;
      } catch {
        // Not JSON: the scanner must refuse it alone; the file parse would refuse the file.
        const text = encoder.encode(
          `{${BASE},"iscrowd":1,"segmentation":{"size":[1,1],"counts":${counts}}}`,
        );
        expect(scanAnnotation(text, 0, text.length, 0, new AnnotationColumns(1)), counts).toBe(
          false,
        );
        continue;
      }
      const seg = `{"size":[1,${Number.isInteger(total) && total >= 0 ? total : 1}],"counts":${counts}}`;
      elements.push(encoder.encode(`{${BASE},"iscrowd":1,"segmentation":${seg}}`));
    }
    const { bytes, spans } = datasetOf(elements);
    const report = checkScanAgainstParse(bytes, spans);
    expect(report.mismatches).toEqual([]);
    expect(Math.min(valid, report.regular)).toBeGreaterThan(100);
  });

  it('never calls a mutated element regular unless the full parse agrees (fuzz)', () => {
    const coco = generateCoco({
      images: 30,
      annotations: 200,
      seed: 5,
      crowdShare: 0.2,
      keypoints: true,
    });
    const rand = seeded(18);
    const mutated: Uint8Array[] = [encoder.encode(JSON.stringify(coco.annotations[0]))];
    let syntaxErrors = 0;
    for (let round = 0; round < 10; round++) {
      for (const annotation of coco.annotations) {
        const byBytes = mutateBytes(encoder.encode(JSON.stringify(annotation)), rand);
        const byJson = encoder.encode(JSON.stringify(mutateJson(annotation, rand)));
        for (const element of [byBytes, byJson]) {
          if (isJson(decoder.decode(element))) mutated.push(element);
          else {
            // What JSON.parse refuses, the scanner must refuse too.
            syntaxErrors++;
            expect(scanAnnotation(element, 0, element.length, 0, new AnnotationColumns(1))).toBe(
              false,
            );
          }
        }
      }
    }
    const { bytes, spans } = datasetOf(mutated);
    const report = checkScanAgainstParse(bytes, spans);
    expect(report.mismatches).toEqual([]);
    // The mutations must leave work on both sides for the test to say anything.
    expect(Math.min(report.regular, report.irregular, syntaxErrors)).toBeGreaterThan(100);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The core library's speed on generated val2017-scale data, next to pycocotools' figures
 * for the same work (../shared/corpus/reference/PERF.md). Runs in Node: the same V8 as
 * Chromium's worker, where this code runs in the app.
 */
import {
  annotationRle,
  decodeRle,
  encodeMask,
  exportCoco,
  parseCoco,
  rleArea,
  rleToBbox,
  type Dataset,
  type Rle,
} from '../../src/coco';
import { fmt, timeMedian, verdict, type Row } from './stats';

/** pycocotools on this machine (PERF.md). */
const PYCOCOTOOLS = {
  loadIndexS: 0.58,
  annToRleUsPerAnn: 38,
  areaBboxUsPerAnn: 7,
  decodeMpxPerS: 290,
  encodeMpxPerS: 1700,
};

function imageOf(dataset: Dataset, id: string | number) {
  return dataset.images[dataset.index.imageById.get(id) ?? -1]!;
}

export function benchCore(text: string): Row[] {
  const rows: Row[] = [];
  const parse = timeMedian(3, () => parseCoco(text));
  const dataset = parse.result.dataset!;
  const n = dataset.annotations.length;
  rows.push({
    work: `parseCoco (JSON.parse + validate + index), ${fmt.mb(text.length)}, ${n.toLocaleString()} anns`,
    measured: fmt.ms(parse.ms),
    reference: `COCO(path) ${PYCOCOTOOLS.loadIndexS} s`,
    verdict: verdict(parse.ms / 1000 <= PYCOCOTOOLS.loadIndexS),
  });

  const rasterize = timeMedian(3, () =>
    Array.from(dataset.annotations, (a) => annotationRle(a, imageOf(dataset, a.imageId))),
  );
  const rles = rasterize.result.filter((r): r is Rle => r !== null);
  const perAnn = (rasterize.ms * 1000) / n;
  rows.push({
    work: 'annToRLE of every annotation (polygon rasterization + merge)',
    measured: `${fmt.ms(rasterize.ms)} · ${perAnn.toFixed(1)} µs/ann`,
    reference: `${PYCOCOTOOLS.annToRleUsPerAnn} µs/ann (2x: ${2 * PYCOCOTOOLS.annToRleUsPerAnn})`,
    verdict: verdict(perAnn <= 2 * PYCOCOTOOLS.annToRleUsPerAnn),
  });

  const areaBbox = timeMedian(5, () => rles.map((r) => [rleArea(r), rleToBbox(r)]));
  const areaUs = (areaBbox.ms * 1000) / rles.length;
  rows.push({
    work: 'area + toBbox of every RLE',
    measured: `${fmt.ms(areaBbox.ms)} · ${areaUs.toFixed(2)} µs/ann`,
    reference: `${PYCOCOTOOLS.areaBboxUsPerAnn} µs/ann`,
    verdict: verdict(areaUs <= 2 * PYCOCOTOOLS.areaBboxUsPerAnn),
  });

  // Full-image decode of every mask is 10 Gpixels at this scale; a sample gives the rate.
  const sample = rles.slice(0, 3000);
  const pixels = sample.reduce((s, r) => s + r.size[0] * r.size[1], 0);
  const decode = timeMedian(3, () => sample.map(decodeRle));
  const decodeRate = pixels / 1e6 / (decode.ms / 1000);
  rows.push({
    work: `decode to full-image masks (${sample.length} masks, ${(pixels / 1e9).toFixed(2)} Gpx)`,
    measured: `${decodeRate.toFixed(0)} Mpx/s`,
    reference: `${PYCOCOTOOLS.decodeMpxPerS} Mpx/s`,
    verdict: verdict(decodeRate >= PYCOCOTOOLS.decodeMpxPerS / 2),
  });
  const masks = decode.result;
  const encode = timeMedian(3, () =>
    masks.map((m, i) => encodeMask(m, sample[i]!.size[0], sample[i]!.size[1])),
  );
  const encodeRate = pixels / 1e6 / (encode.ms / 1000);
  rows.push({
    work: 'encode those masks back',
    measured: `${encodeRate.toFixed(0)} Mpx/s`,
    reference: `${PYCOCOTOOLS.encodeMpxPerS} Mpx/s`,
    verdict: verdict(encodeRate >= PYCOCOTOOLS.encodeMpxPerS / 2),
  });

  const exported = timeMedian(3, () => exportCoco(dataset));
  rows.push({
    work: `exportCoco of the unedited dataset (${fmt.mb(exported.result.length)})`,
    measured: fmt.ms(exported.ms),
    reference: 'budget 1 s',
    verdict: verdict(exported.ms <= 1000),
  });
  return rows;
}

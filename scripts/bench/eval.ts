/**
 * The evaluator's speed on generated val2017-scale data: ground truth from the dataset
 * generator (5,000 images, 36,781 annotations), detections from `makePredictions`
 * (~42k, masks as compressed RLE), timed as pycocotools' figure is (evaluate +
 * accumulate + summarize; parsing not included). pycocotools: 12.7 s bbox, 14.4 s segm
 * (../shared/corpus/reference/PERF.md). Runs in Node, the same V8 as Chromium's worker.
 *
 * `npx tsx scripts/bench/eval.ts` prints the figures.
 */
import { pathToFileURL } from 'node:url';
import { parseCoco, type Dataset } from '../../src/coco';
import { evaluate } from '../../src/coco/eval';
import { generateCoco, VAL2017 } from '../gen/dataset';
import { makePredictions } from '../gen/predictions';
import { median } from './stats';

export type EvalBench = {
  detections: number;
  groundTruths: number;
  /** Median seconds of `evaluate(gt, dt, 'bbox')`. */
  bboxSeconds: number;
  /** Median seconds of `evaluate(gt, dt, 'segm')`. */
  segmSeconds: number;
  /** AP@[.5:.95] of each run, to show the work was real. */
  bboxAp: number;
  segmAp: number;
};

function timeEvaluate(gt: Dataset, dt: Dataset, iouType: 'bbox' | 'segm', runs: number) {
  const seconds: number[] = [];
  let ap = -1;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    ap = evaluate(gt, dt, iouType).stats[0]!;
    seconds.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(seconds), ap };
}

/** Generates the data (seeded, not timed), then times each iouType `runs` times. */
export async function benchEval(runs = 3): Promise<EvalBench> {
  const coco = generateCoco({ ...VAL2017, seed: 1 });
  const gt = parseCoco(coco).dataset!;
  const dt = parseCoco(makePredictions(coco, 1)).dataset!;
  // Yield once so a caller's progress output gets out before the long synchronous runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const bbox = timeEvaluate(gt, dt, 'bbox', runs);
  const segm = timeEvaluate(gt, dt, 'segm', runs);
  return {
    detections: dt.annotations.length,
    groundTruths: gt.annotations.length,
    bboxSeconds: bbox.seconds,
    segmSeconds: segm.seconds,
    bboxAp: bbox.ap,
    segmAp: segm.ap,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchEval();
  console.log(
    `evaluate on ${r.groundTruths.toLocaleString()} gt / ${r.detections.toLocaleString()} detections: ` +
      `bbox ${r.bboxSeconds.toFixed(2)} s (AP ${r.bboxAp.toFixed(3)}; pycocotools 12.7 s), ` +
      `segm ${r.segmSeconds.toFixed(2)} s (AP ${r.segmAp.toFixed(3)}; pycocotools 14.4 s)`,
  );
}

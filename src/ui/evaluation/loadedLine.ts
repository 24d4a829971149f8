/** What a results list held when it was opened, in one line the page says aloud. */
import type { PredictionsSummary } from '../../worker/protocol';
import { count } from '../format';

/** E.g. "dt.json: 32,854 predictions on 4,952 images; 3 name unknown image ids". */
export function loadedLine(p: PredictionsSummary): string {
  const name = p.file.split('/').pop() ?? p.file;
  const parts = [
    `${name}: ${count(p.count)} predictions on ${count(p.imagesWithPredictions)} images`,
  ];
  if (p.unknownImages > 0) parts.push(`${count(p.unknownImages)} name unknown image ids`);
  if (p.unknownCategories > 0)
    parts.push(`${count(p.unknownCategories)} name unknown category ids`);
  return parts.join('; ');
}

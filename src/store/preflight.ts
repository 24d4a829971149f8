/** The export's pre-flight, asked of the engine (see coco/preflight.ts); not kept in the store. */
import type { ExportSettings } from '../coco';
import type { PreflightInfo } from '../worker/protocol';
import { engine } from './engine';

export type { PreflightInfo };

export function fetchPreflight(subset: number, settings: ExportSettings): Promise<PreflightInfo[]> {
  return engine.preflight(subset, settings);
}

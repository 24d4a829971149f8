/**
 * cocoscope's domain core: the COCO format, its parser with located problems, the
 * pycocotools-exact mask API, area/bbox as CVAT/Datumaro write them, crowd merging and
 * export. Pure TypeScript: no DOM, React, Konva or worker APIs (fflate is the only
 * dependency), so it runs unchanged in Vitest, in a worker and in the page.
 */
export * from './mask';
export type * from './types';
export type * from './model';
export * from './annotationTable';
export * from './columnar';
export {
  idKey,
  isCocoId,
  type AnnotationId,
  type CategoryId,
  type IdKey,
  type ImageId,
} from './ids';
export type { Problem, ProblemCode, Severity } from './problems';
export { parseJsonText, lineAndColumn } from './json';
export { parseCoco, detectKind, type ParseOptions } from './parse/parseCoco';
export {
  annotationArea,
  annotationBbox,
  annotationRle,
  polygonsBbox,
  round2,
  unionBbox,
} from './geometry';
export { mergeToCrowd, findGroupLeader } from './crowd';
export { exportCoco, exportCocoChunks, type ExportOptions } from './export';
export * from './faithful';
export { preflight, type PreflightFinding, type Reader } from './preflight';
export * from './edit/commands';
export * from './edit/fieldCommands';
export * from './edit/fixes';
export * from './edit/maskFields';
export * from './edit/brush';
export * from './edit/brushStroke';
export {
  applyPatch,
  invertPatch,
  invertPatchSequence,
  PatchConflict,
  type Patch,
  type PatchOp,
  type Collection,
} from './edit/patch';
export { jsonEqual, withFields, type JsonRecord } from './edit/objects';
export {
  planExport,
  DEFAULT_EXPORT,
  type ExportSettings,
  type SegmentationMode,
} from './exportPlan';
export { maskToPolygons } from './maskToPolygons';
export {
  checkDataset,
  checkDatasetSteps,
  selfIntersects,
  type Finding,
  type FindingKind,
  type FixKind,
} from './checks';
export { datasetStats, type DatasetStats, type CategoryStats, type Histogram } from './stats';
export * from './eval';
export { categoryColor, paletteColor } from './palette';
export * from './edit/keypointCommands';
export * from './keypointSets';
export * from './edit/maskCommands';
export * from './edit/maskRuns';
export { simplifyPolygon } from './simplifyPolygon';

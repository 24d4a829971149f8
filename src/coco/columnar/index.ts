/** The columnar store: annotations kept as columns and the file's bytes (see storedAnnotations.ts). */
export { DiskBytes, type ReadRange } from './diskBytes';
export { FileBytes } from './fileBytes';
export type { StoredBytes } from './storedBytes';
export { Prescan } from './prescan';
export { StoredAnnotations, storedPlace } from './storedAnnotations';
export type { StoredSource } from './parseStored';
export { scanTail, type ReadBytes, type TailScan, type TailScanner } from './tailScan';

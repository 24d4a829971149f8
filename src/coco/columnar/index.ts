/** The columnar store: annotations kept as columns and the file's bytes (see storedAnnotations.ts). */
export { FileBytes } from './fileBytes';
export { Prescan } from './prescan';
export { StoredAnnotations, storedPlace } from './storedAnnotations';
export type { StoredSource } from './parseStored';

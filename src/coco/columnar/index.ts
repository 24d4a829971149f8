/** The columnar store: annotations kept as columns and the file's bytes (see storedAnnotations.ts). */
export { FileBytes } from './fileBytes';
export { StoredAnnotations, storedPlace } from './storedAnnotations';
export type { StoredSource } from './parseStored';

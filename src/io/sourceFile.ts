/** A file the user gave: from a drop, the file input, a folder, or the sample. */
export type SourceFile = {
  /** Path relative to what was dropped (`val2017/000000000139.jpg`), or the file name. */
  path: string;
  file: Blob;
};

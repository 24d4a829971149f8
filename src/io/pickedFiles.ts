/**
 * Files the user gives the page — dropped (files and whole folders), picked in the file
 * input, or picked as a folder — as `SourceFile`s with their relative paths.
 */
import type { SourceFile } from './sourceFile';

/** From `<input type="file">`, with or without `webkitdirectory`. */
export function filesFromInput(list: FileList | null): SourceFile[] {
  return Array.from(list ?? [], (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * From a drop. Entries must be taken while the event is being handled (the browser
 * empties the DataTransfer afterwards); folders are then walked asynchronously.
 */
export function filesFromDrop(data: DataTransfer): Promise<SourceFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry !== null && entry.isDirectory) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(data.files));
  return (async () => {
    const out: SourceFile[] = loose.map((file) => ({ path: file.name, file }));
    for (const entry of entries) await walk(entry, out);
    return out;
  })();
}

async function walk(entry: FileSystemEntry, out: SourceFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    // readEntries answers in batches (100 in Chromium) until it answers with none.
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

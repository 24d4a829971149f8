/**
 * The reader worker of a big json's open. It reads the file's slices for the engine: a
 * worker busy scanning receives a blob's bytes only between its own tasks, this one is
 * free to take them as they come (see io/readSlices.ts). From 4 cores it also scans the
 * later part of the `annotations` list while the engine reads from the start (see
 * coco/columnar/tailScan.ts). The page starts it for an open of a big file and gives the
 * two workers a channel; it answers on that channel only.
 */
// First: no module after it may reach the network (see lockdown.ts).
import './lockedDown';
import { scanTail } from '../coco/columnar';
import type { ReaderAsk, ReaderAnswer } from './readerPort';

self.onmessage = (event: MessageEvent<{ port: MessagePort }>) => {
  const port = event.data.port;
  const post = (answer: ReaderAnswer, transfer: Transferable[] = []) =>
    port.postMessage(answer, transfer);
  port.onmessage = async (message: MessageEvent<ReaderAsk>) => {
    const ask = message.data;
    // Bytes the engine is done with: dropped here, where collecting them costs the engine nothing.
    if ('release' in ask) return;
    if ('start' in ask) {
      try {
        const bytes = await ask.file.slice(ask.start, ask.end).arrayBuffer();
        post({ id: ask.id, bytes: new Uint8Array(bytes) }, [bytes]);
      } catch {
        post({ id: ask.id, bytes: null });
      }
      return;
    }
    const { id, file, from } = ask;
    const read = async (start: number, end: number) =>
      new Uint8Array(await file.slice(start, end).arrayBuffer());
    try {
      const scan = await scanTail(read, file.size, from, (comma) => post({ id, comma }));
      if (scan === null) post({ id, comma: null });
      // Every column and the spans move to the engine, not copied.
      const buffers =
        scan === null
          ? []
          : [scan.spans, ...Object.values(scan.columns)]
              .filter((v): v is Uint8Array => ArrayBuffer.isView(v))
              .map((v) => v.buffer);
      post({ id, scan }, buffers);
    } catch {
      post({ id, comma: null });
      post({ id, scan: null });
    }
  };
};

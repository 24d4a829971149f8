/**
 * A second worker for opening a big json: it reads the later part of the `annotations`
 * list while the engine reads from the start (see coco/columnar/tailScan.ts), and hands
 * the engine what it read. The page starts it for an open of a big file and gives the
 * two workers a channel; it answers on that channel only.
 */
// First: no module after it may reach the network (see lockdown.ts).
import './lockedDown';
import { scanTail } from '../coco/columnar';
import type { TailAsk, TailAnswer } from './tailScanPort';

self.onmessage = (event: MessageEvent<{ port: MessagePort }>) => {
  const port = event.data.port;
  port.onmessage = async (ask: MessageEvent<TailAsk>) => {
    const { id, file, from } = ask.data;
    const read = async (start: number, end: number) =>
      new Uint8Array(await file.slice(start, end).arrayBuffer());
    const post = (answer: TailAnswer, transfer: Transferable[] = []) =>
      port.postMessage(answer, transfer);
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

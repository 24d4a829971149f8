/**
 * The engine's side of the reader's channel: slices come back as asked, and a slice the
 * reader could not read is read by the engine itself.
 */
import { MessageChannel, type MessagePort as NodePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { readersOn, type ReaderAnswer, type ReaderAsk } from './readerPort';

const ports: NodePort[] = [];
afterEach(() => ports.splice(0).forEach((port) => port.close()));

/** A reader that answers every ask but the ones `fails` names with the bytes asked. */
function reader(fails: (ask: { start: number; end: number }) => boolean) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const asked: [number, number][] = [];
  port2.on('message', async (ask: ReaderAsk) => {
    if (!('start' in ask)) return;
    asked.push([ask.start, ask.end]);
    const answer: ReaderAnswer = fails(ask)
      ? { id: ask.id, bytes: null }
      : {
          id: ask.id,
          bytes: new Uint8Array(await ask.file.slice(ask.start, ask.end).arrayBuffer()),
        };
    port2.postMessage(answer);
  });
  return { port: port1 as unknown as MessagePort, asked };
}

describe('the reader channel', () => {
  const bytes = Uint8Array.from({ length: 5000 }, (_, k) => (k * 7) % 251);
  const file = new Blob([bytes]);

  it('gives each slice asked, from the reader or, where it failed, from the file', async () => {
    const { port, asked } = reader((ask) => ask.start === 1000);
    const { ranges, tail } = readersOn(port, false);
    expect(tail).toBeNull();
    const read = ranges(file);
    const slices = await Promise.all([read(0, 1000), read(1000, 2500), read(2500, 5000)]);
    expect(asked).toEqual([
      [0, 1000],
      [1000, 2500],
      [2500, 5000],
    ]);
    expect([...slices[0]!]).toEqual([...bytes.subarray(0, 1000)]);
    expect([...slices[1]!]).toEqual([...bytes.subarray(1000, 2500)]);
    expect([...slices[2]!]).toEqual([...bytes.subarray(2500, 5000)]);
  });

  it('asks for tail scans only when told the reader scans them', () => {
    const { port } = reader(() => false);
    expect(readersOn(port, true).tail).not.toBeNull();
  });
});

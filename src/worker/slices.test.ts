import { describe, expect, it } from 'vitest';
import { runInSlices, slicePauser } from './slices';

/** Ten steps of about 5 ms of busy work each. */
function* busySteps(): Generator<number, string> {
  for (let k = 1; k <= 10; k++) {
    const end = performance.now() + 5;
    while (performance.now() < end);
    yield k / 10;
  }
  return 'done';
}

/** A message from the page, waiting while the work runs; its answer goes into `order`. */
function requestWaiting(order: string[]): void {
  const request = new MessageChannel();
  request.port1.onmessage = () => {
    order.push('request answered');
    request.port1.close();
  };
  request.port2.postMessage('next image, please');
}

describe('runInSlices', () => {
  it('returns what the steps return, and lets a message waiting meanwhile be answered', async () => {
    const order: string[] = [];
    requestWaiting(order);
    const shares: number[] = [];
    const result = await runInSlices(busySteps(), (share) => shares.push(share));
    order.push('work done');
    expect(result).toBe('done');
    expect(order).toEqual(['request answered', 'work done']);
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((s, i) => s > 0 && s <= 1 && (i === 0 || s > shares[i - 1]!))).toBe(true);
  });

  it('slicePauser lets a waiting message in once a slice has run, not at every step', async () => {
    const order: string[] = [];
    requestWaiting(order);
    const pause = slicePauser();
    let pausesThatWaited = 0;
    const steps = busySteps();
    while (steps.next().done !== true) {
      const before = order.length;
      await pause();
      if (order.length > before) pausesThatWaited++;
    }
    order.push('work done');
    expect(order).toEqual(['request answered', 'work done']);
    expect(pausesThatWaited).toBe(1);
  });
});

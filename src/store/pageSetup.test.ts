/**
 * The page's setup after load (pageSetup.ts): the offline worker is registered only once
 * the spare engine has warmed up and no open is running, and `cocoscope:idle` is marked
 * after both, whether the registration worked or not.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setUpPage, type PageSetup } from './pageSetup';

const idleMarks = () => performance.getEntriesByName('cocoscope:idle').length;

/** A page whose open is running until `endOpen`, recording what happened in order. */
function fakePage(registerOffline: PageSetup['registerOffline'] | 'record') {
  const events: string[] = [];
  let opening = true;
  const listeners = new Set<() => void>();
  const setup: PageSetup = {
    warmUp: async () => {
      events.push('warmed');
    },
    opening: () => opening,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    registerOffline:
      registerOffline === 'record'
        ? async () => {
            events.push(`registered (opening: ${opening})`);
          }
        : registerOffline,
  };
  const endOpen = () => {
    events.push('open ended');
    opening = false;
    for (const l of [...listeners]) l();
  };
  const startOpen = () => {
    events.push('open started');
    opening = true;
    for (const l of [...listeners]) l();
  };
  return { setup, events, endOpen, startOpen, waiting: () => listeners.size > 0 };
}

describe('setUpPage', () => {
  beforeEach(() => performance.clearMarks());

  it('registers the offline worker once the open running has ended, then marks idle', async () => {
    const { setup, events, endOpen, waiting } = fakePage('record');
    const done = setUpPage(setup);
    // Warmed up, it waits for the open to end: nothing is registered while the open runs.
    await vi.waitUntil(waiting);
    expect(events).toEqual(['warmed']);
    expect(idleMarks()).toBe(0);
    endOpen();
    await done;
    expect(events).toEqual(['warmed', 'open ended', 'registered (opening: false)']);
    expect(idleMarks()).toBe(1);
  });

  it('marks idle again after each later open, once the next spare has warmed up', async () => {
    const { setup, events, endOpen, startOpen } = fakePage(null);
    endOpen();
    await setUpPage(setup);
    expect(idleMarks()).toBe(1);
    startOpen();
    expect(idleMarks()).toBe(1);
    endOpen();
    await vi.waitUntil(() => idleMarks() === 2);
    expect(events).toEqual(['open ended', 'warmed', 'open started', 'open ended', 'warmed']);
  });

  it('marks idle when the registration fails, or when there is no offline worker', async () => {
    const failing = fakePage(() => Promise.reject(new Error('no service worker here')));
    failing.endOpen();
    await setUpPage(failing.setup);
    expect(idleMarks()).toBe(1);
    performance.clearMarks();
    const none = fakePage(null);
    await setUpPage(none.setup);
    expect(none.events).toEqual(['warmed']);
    expect(idleMarks()).toBe(1);
  });
});

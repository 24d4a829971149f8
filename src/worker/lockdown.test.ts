import { describe, expect, it } from 'vitest';
import { lockDown } from './lockdown';

/** A stand-in global scope with the network APIs a worker has. */
function scope() {
  const calls: string[] = [];
  const s = {
    fetch: () => Promise.resolve('network'),
    XMLHttpRequest: class {},
    WebSocket: class {},
    EventSource: class {},
    importScripts: () => calls.push('imported'),
    Worker: class {},
    setTimeout: (handler: unknown) => {
      if (typeof handler === 'function') (handler as () => void)();
      return 1;
    },
    setInterval: () => 2,
  };
  return { s: s as unknown as typeof globalThis, calls };
}

describe('lockDown', () => {
  it('makes fetch reject and the other network APIs throw', async () => {
    const { s, calls } = scope();
    lockDown(s);
    await expect(s.fetch('http://example.com/')).rejects.toThrow(
      'fetch is disabled in the cocoscope engine',
    );
    for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker'] as const)
      expect(() => new (s[name] as unknown as new () => unknown)()).toThrow(name);
    expect(() =>
      (s as unknown as { importScripts: (u: string) => void }).importScripts('x.js'),
    ).toThrow('importScripts');
    expect(calls).toEqual([]);
  });

  it('cannot be undone by assigning or redefining', () => {
    const { s } = scope();
    lockDown(s);
    expect(() => {
      'use strict';
      (s as { fetch: unknown }).fetch = () => Promise.resolve('back');
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(s, 'fetch', { value: () => 'back' })).toThrow(TypeError);
  });

  it('refuses string timers and keeps function ones', () => {
    const { s } = scope();
    lockDown(s);
    expect(() => (s.setTimeout as (h: unknown) => unknown)('self.ran = 1')).toThrow(
      'setTimeout with a string',
    );
    expect(() => (s.setInterval as (h: unknown) => unknown)('1')).toThrow('setInterval');
    let ran = false;
    s.setTimeout(() => (ran = true), 0);
    expect(ran).toBe(true);
  });
});

/**
 * The engine holds the user's dataset and never needs the network or code made from
 * strings. This module, imported first by the worker entry, takes the network away from
 * the worker's global scope before any other module runs, whatever policy the page was
 * served with: a static host may send no Content-Security-Policy header, and a `<meta>`
 * policy never reaches a worker loaded from a URL.
 *
 * - `fetch` answers with a rejected promise (as a refused request does); `XMLHttpRequest`,
 *   `WebSocket`, `EventSource`, `WebTransport`, `importScripts` and nested `Worker`s (which
 *   could fetch in their turn) throw. The properties are made non-writable and
 *   non-configurable, so no later code can put them back.
 * - `setTimeout`/`setInterval` refuse a string handler (it would be evaluated as code).
 * - `eval` and `Function` are left to the Content-Security-Policy (`script-src 'self'`,
 *   sent as a header by `vite preview` and by any host configured like it) and to the lint
 *   rule for src/worker: replacing `eval` would not stop `Function`, reachable from any
 *   function's `constructor`, so a runtime stand-in would promise more than it holds.
 */

const BLOCKED = [
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'WebTransport',
  'importScripts',
  'Worker',
  'SharedWorker',
] as const;

/** Takes the network and string timers away from `scope` (a worker's global scope). */
export function lockDown(scope: typeof globalThis): void {
  const refusal = (name: string) =>
    new TypeError(`${name} is disabled in the cocoscope engine: it never uses the network`);
  const seal = (name: string, value: unknown) =>
    Object.defineProperty(scope, name, {
      value,
      writable: false,
      configurable: false,
      enumerable: false,
    });
  seal('fetch', () => Promise.reject(refusal('fetch')));
  for (const name of BLOCKED) {
    if (!(name in scope)) continue;
    seal(name, function refused(): never {
      throw refusal(name);
    });
  }
  const timer = <T extends typeof setTimeout | typeof setInterval>(name: string, real: T): T =>
    ((handler: unknown, ...rest: unknown[]) => {
      if (typeof handler !== 'function')
        throw new TypeError(`${name} with a string is disabled in the cocoscope engine`);
      return (real as (...args: unknown[]) => unknown).call(scope, handler, ...rest);
    }) as T;
  seal('setTimeout', timer('setTimeout', scope.setTimeout));
  seal('setInterval', timer('setInterval', scope.setInterval));
}

/**
 * What the page sets up once it has loaded, kept out of the way of a file dropped at once:
 * the spare engine warms up (worker/warmUp.ts); then, with no open running and the main
 * thread idle, the offline service worker is registered, whose install fetches and
 * compiles the whole app (on a 2-core machine, when it ran beside a first open, it took
 * that open ~150 ms); then the mark `cocoscope:idle`. It is marked again after each open,
 * once the next spare engine has warmed up.
 */
import { mark } from './timingMarks';

export type PageSetup = {
  /** Resolves once the spare engine has warmed up (EngineClient.warmUp). */
  warmUp: () => Promise<void>;
  /** Whether an open is in progress. */
  opening: () => boolean;
  /** Calls back on each change of the store (returns the unsubscribe). */
  subscribe: (listener: () => void) => () => void;
  /** Registers the service worker; resolves once it is active (or rejects). */
  registerOffline: (() => Promise<void>) | null;
};

export async function setUpPage(setup: PageSetup): Promise<void> {
  await setup.warmUp();
  if (setup.registerOffline !== null) {
    await quiet(setup);
    // Offline use is a convenience: a page whose worker cannot be registered still works.
    await setup.registerOffline().catch(() => {});
  }
  await mainThreadIdle();
  mark('idle');
  markIdleAfterOpens(setup);
}

/** `cocoscope:idle` again once each open is over, its image drawn and the next spare warm. */
function markIdleAfterOpens(setup: PageSetup): void {
  let wasOpening = setup.opening();
  let settling = false;
  const settle = async () => {
    await quiet(setup);
    await setup.warmUp();
    await mainThreadIdle();
    settling = false;
    if (!setup.opening()) mark('idle');
  };
  setup.subscribe(() => {
    const opening = setup.opening();
    if (wasOpening && !opening && !settling) {
      settling = true;
      void settle();
    }
    wasOpening = opening;
  });
}

/**
 * No open running, and the page has drawn what the last one opened: its answer is drawn
 * within two frames of the open's end (the view comes with it).
 */
async function quiet(setup: PageSetup): Promise<void> {
  for (;;) {
    await noOpenRunning(setup);
    await nextFrame();
    await nextFrame();
    await mainThreadIdle();
    if (!setup.opening()) return;
  }
}

/** The next frame; a hidden page draws none, so it does not wait for one past a second. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return setTimeout(resolve, 0);
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 1000);
  });
}

function noOpenRunning(setup: PageSetup): Promise<void> {
  return new Promise((resolve) => {
    if (!setup.opening()) return resolve();
    const stop = setup.subscribe(() => {
      if (setup.opening()) return;
      stop();
      resolve();
    });
  });
}

function mainThreadIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 0);
  });
}

/**
 * The offline service worker (vite-plugin-pwa's, built into sw.js) registered; resolves
 * once it is active: installed, the app cached.
 */
export async function registerServiceWorker(): Promise<void> {
  const registration = await navigator.serviceWorker.register('./sw.js', { scope: './' });
  const worker = registration.installing ?? registration.waiting;
  if (worker === null) return;
  await new Promise<void>((resolve) => {
    const settled = () => worker.state === 'activated' || worker.state === 'redundant';
    if (settled()) return resolve();
    worker.addEventListener('statechange', () => {
      if (settled()) resolve();
    });
  });
}

/**
 * Long work in the engine, a slice at a time: between slices the worker answers other
 * requests (the next image, an edit), so the page is never kept waiting for long.
 */

/** How long a slice of work runs before the worker looks at its messages. */
const SLICE_MS = 15;

/** Runs `steps` (yielding their share done, 0..1) to the end, pausing every slice. */
export async function runInSlices<T>(
  steps: Generator<number, T>,
  onProgress: (share: number) => void,
): Promise<T> {
  let share = 0;
  const pause = slicePauser(() => onProgress(share));
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    share = step.value;
    await pause();
  }
}

/**
 * A pause to await between steps of long work: it lets messages in once a slice has run
 * (calling `onPause` first), and returns at once otherwise.
 */
export function slicePauser(onPause: () => void = () => {}): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    onPause();
    await nextTask();
    sliceStart = performance.now();
  };
}

/** Resolves in a task of its own, after what is queued now (no timer clamping). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

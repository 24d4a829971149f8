/** Work done a few milliseconds at a time: generators that yield the share done (0..1). */

/** Runs the steps to their end and returns what they return. */
export function drain<T>(steps: Generator<number, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** A part's own shares (0..1) as shares of the whole: `from + share * size`. */
export function* scaled<T>(
  steps: Generator<number, T>,
  from: number,
  size: number,
): Generator<number, T> {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    yield from + step.value * size;
  }
}

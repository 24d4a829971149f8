import { describe, expect, it } from 'vitest';
import { closingQuote } from './splitterBytes';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('closingQuote', () => {
  // Each text is a string's content after its opening quote; `at` is where it closes.
  it.each([
    ['abc"', 3],
    ['a\\"b"', 4],
    ['a\\\\"b', 3],
    ['\\\\\\"x"', 5],
    ['\\\\\\\\"', 4],
    ['"', 0],
    ['no end', -1],
    ['escaped only \\"', -1],
  ])('the string in %j closes at %i', (text, at) => {
    expect(closingQuote(bytes(text), 0, bytes(text).length)).toBe(at);
  });

  it('looks no further than its bound, and counts no backslash before the string', () => {
    expect(closingQuote(bytes('ab"c"'), 0, 2)).toBe(-1);
    // The content starts after a backslash of something else: its first quote closes it.
    expect(closingQuote(bytes('\\"x"'), 1, 4)).toBe(1);
  });
});

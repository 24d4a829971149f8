import { describe, expect, it } from 'vitest';
import { syntaxErrorOffset } from './jsonSyntax';

describe('syntaxErrorOffset finds where JSON first goes wrong', () => {
  it.each([
    ['{"a":NaN}', 5],
    ['{"a":1,,}', 7],
    ['{"a":[1,2', 9],
    ['{"a":"x\ny"}', 7],
    ['[1] 2', 4],
    ['{"a":01}', 6],
    ['{a:1}', 1],
    ['"\\q"', 2],
  ])('%j at %i', (text, offset) => {
    expect(syntaxErrorOffset(text)).toBe(offset);
  });

  it('agrees that valid JSON has no error (its length)', () => {
    const text = JSON.stringify({ a: [1, -2.5e3, 'x\u00e9"\\', null, true, false, { b: {} }] });
    expect(syntaxErrorOffset(text)).toBe(text.length);
  });
});

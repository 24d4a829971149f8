import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../worker/protocol';
import { mistakeFilterChange, mistakeFilterLabel } from './mistakeFilter';

describe('the mistake filters', () => {
  it('sort a list in file order by what they show, and combine as "either"', () => {
    const fp = { ...NO_FILTER, ...mistakeFilterChange(NO_FILTER, { falsePositives: true }) };
    expect(fp.sort).toBe('false-positives');
    const both = { ...fp, ...mistakeFilterChange(fp, { misses: true }) };
    expect([both.falsePositives, both.misses]).toEqual([true, true]);
    expect(both.sort).toBe('false-positives');
    expect(mistakeFilterLabel(both)).toBe('with false positives or misses');
    const fromFileOrder = mistakeFilterChange(
      { ...NO_FILTER, falsePositives: true },
      { misses: true },
    );
    expect(fromFileOrder.sort).toBe('mistakes');
  });

  it('keep a sort the user chose', () => {
    const chosen = { ...NO_FILTER, sort: 'misses' as const };
    expect(mistakeFilterChange(chosen, { falsePositives: true }).sort).toBe('misses');
    expect(mistakeFilterLabel(NO_FILTER)).toBeNull();
  });
});

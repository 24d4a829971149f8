import { describe, expect, it } from 'vitest';
import { zipSubsetName } from './zipSubsetName';

describe('zipSubsetName', () => {
  it.each([
    ['train', 'train'],
    ['val2017', 'val2017'],
    ['my train', 'my_train'],
    ['default · instances_b', 'default_instances_b'],
    ['a/b:c', 'a_b_c'],
    ['  ', 'default'],
  ])('%j → %j', (name, expected) => {
    expect(zipSubsetName(name)).toBe(expected);
  });

  it('survives Datumaro reading the subset back from the json name after the task prefix', () => {
    const name = zipSubsetName('my train');
    const json = `instances_${name}.json`;
    // Datumaro: splitext(basename)[0].split('instances_', maxsplit=1)[1]
    expect(
      json
        .replace(/\.json$/, '')
        .split('instances_')
        .slice(1)
        .join('instances_'),
    ).toBe(name);
  });
});

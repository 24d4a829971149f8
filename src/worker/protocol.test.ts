import { describe, expect, it } from 'vitest';
import { ImageFlag, withFindingFlags } from './protocol';

describe('withFindingFlags', () => {
  it('sets hasFindings on exactly the flagged images and keeps every other flag', () => {
    const { hasCrowd, edited, hasFindings } = ImageFlag;
    const flags = Uint8Array.of(hasCrowd | hasFindings, edited, 0, hasFindings);
    const out = withFindingFlags(flags, Int32Array.of(1, 2));
    expect([...out]).toEqual([hasCrowd, edited | hasFindings, hasFindings, 0]);
    // The flags given are left as they were: the store keeps them until the update lands.
    expect([...flags]).toEqual([hasCrowd | hasFindings, edited, 0, hasFindings]);
  });
});

import { describe, expect, it } from 'vitest';
import { activeKeypoint, activePlacing } from './keypointSlice';
import { openStore } from './testing/openStore';

describe('the current keypoint', () => {
  it('is in effect only with its annotation alone selected and the select tool on', async () => {
    const { store } = await openStore();
    const s = () => store.getState();
    s().select([4]);
    s().setCurrentKeypoint({ key: 4, set: 'keypoints', index: 2 });
    expect(activeKeypoint(s())).toEqual({ key: 4, set: 'keypoints', index: 2 });
    s().select([4, 5]);
    expect(activeKeypoint(s())).toBeNull();
    s().select([5]);
    expect(activeKeypoint(s())).toBeNull();
    s().select([4]);
    s().setTool('box');
    expect(activeKeypoint(s())).toBeNull();
  });

  it('"Add keypoint" waits for a click; picking a point lets go of it', async () => {
    const { store } = await openStore();
    const s = () => store.getState();
    s().select([4]);
    s().setPlacingKeypoint({ key: 4, set: 'foot_kpts' });
    expect(activePlacing(s())).toEqual({ key: 4, set: 'foot_kpts' });
    s().setCurrentKeypoint({ key: 4, set: 'keypoints', index: 0 });
    expect(activePlacing(s())).toBeNull();
  });
});

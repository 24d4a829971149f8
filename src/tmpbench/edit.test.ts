import { test } from 'vitest';
import { openAsBlob } from 'node:fs';
import { Engine } from '../worker/engine';
test('edit', async () => {
  const blob = await openAsBlob('.cache/bench/train2017.json');
  const e = new Engine();
  await e.open([{ path: 'instances_train2017.json', file: blob }], () => {});
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    e.edit(0, { type: 'relabel', keys: [i], categoryId: (i % 5) + 2 });
    times.push(performance.now() - t0);
  }
  console.log(process.env.VITE_STORED_FROM_BYTES ?? 'default', times.map((t) => t.toFixed(1)).join(' '));
}, 600000);

/**
 * The JS heap a page's workers use, through the DevTools protocol (a worker has no
 * `performance.memory`): the engine worker holds the dataset, and its heap, not the
 * process's resident memory, is what runs out first (V8 gives a heap about 4 GB).
 */
import type { CDPSession, Page } from '@playwright/test';

type Reply = { id: number; result?: { usedSize: number; totalSize: number } };

export type WorkerHeaps = {
  /** The largest heap used by one of the page's workers, in bytes (null if none answered). */
  largestUsed(): Promise<number | null>;
};

/** Attaches to the page's workers (those running and those started later). */
export async function watchWorkerHeaps(page: Page): Promise<WorkerHeaps> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  const waiting = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') sessions.push(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as Reply;
    waiting.get(reply.id)?.(reply);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  let nextId = 1;
  const heapOf = async (sessionId: string): Promise<number | null> => {
    const id = nextId++;
    const reply = new Promise<Reply>((resolve) => waiting.set(id, resolve));
    const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => {});
    // A worker that has ended never answers.
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
    const answer = await Promise.race([reply, timeout]);
    waiting.delete(id);
    return answer?.result?.usedSize ?? null;
  };
  return {
    async largestUsed() {
      const used = (await Promise.all(sessions.map(heapOf))).filter((n) => n !== null);
      return used.length === 0 ? null : Math.max(...used);
    },
  };
}

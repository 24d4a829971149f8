/** Headless Chromium for scripts (sample maker, benchmark): Debian's when present, with our flags. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Chromium with a profile on disk, as a user has. Playwright's usual contexts are
 * off-the-record, where the browser keeps IndexedDB and the origin private file system in
 * memory: measuring an export's memory there measures the harness, not the app. The
 * profile (with the exports the benchmark wrote into it) is deleted when it closes.
 */
export async function launchPersistentChromium(extraArgs: string[] = []): Promise<BrowserContext> {
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const profile = mkdtempSync(join(tmpdir(), 'cocoscope-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, ...extraArgs],
    acceptDownloads: true,
    viewport: { width: 1400, height: 850 },
  });
  // The browser may still be writing into the profile as it closes: retry, and never let a
  // leftover folder in the temp directory end the benchmark.
  context.on('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      console.warn(`could not delete ${profile}: ${String(error)}`);
    }
  });
  return context;
}

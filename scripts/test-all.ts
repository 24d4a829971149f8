/**
 * Runs every test suite — lint (type check, ESLint, Prettier), unit tests (Vitest) and
 * end-to-end tests (Playwright against the built app) — even when an earlier one fails,
 * then prints one line summing them: `N passed, N failed`. Exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

type Tally = { passed: number; failed: number };

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, CI: process.env.CI ?? '1', ...env },
  });
  return result.status === 0;
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

mkdirSync('test-results', { recursive: true });
const tallies: Record<string, Tally> = {};

const lintOk = run('npm', ['run', '--silent', 'lint']);
tallies.lint = { passed: lintOk ? 1 : 0, failed: lintOk ? 0 : 1 };

rmSync('test-results/unit.json', { force: true });
const unitOk = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json') as {
  numPassedTests: number;
  numFailedTests: number;
} | null;
tallies.unit = unit
  ? {
      passed: unit.numPassedTests,
      failed: unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1),
    }
  : { passed: 0, failed: 1 };

/** Playwright's JSON stats; a test that failed and then passed on a retry counts as failed. */
type E2eStats = { expected: number; unexpected: number; flaky: number };

/** Runs one Playwright project with its own JSON report; a run without a report is a failure. */
function runE2e(args: string[], report: string): Tally {
  rmSync(report, { force: true });
  const ok = run('npx', ['playwright', 'test', ...args], { E2E_JSON: report });
  const stats = (readJson(report) as { stats: E2eStats } | null)?.stats;
  if (!stats) return { passed: 0, failed: 1 };
  const failed = stats.unexpected + stats.flaky;
  return { passed: stats.expected, failed: failed + (ok || failed > 0 ? 0 : 1) };
}

const buildOk = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (buildOk) {
  tallies.e2e = runE2e(['--project=e2e'], 'test-results/e2e.json');
  // The 570 MB file, by itself once every other test is done.
  tallies['e2e alone'] = runE2e(['--project=alone', '--no-deps'], 'test-results/e2e-alone.json');
} else {
  tallies.e2e = { passed: 0, failed: 1 };
}

console.log('');
for (const [name, t] of Object.entries(tallies))
  console.log(`${name}: ${t.passed} passed, ${t.failed} failed`);
const passed = Object.values(tallies).reduce((s, t) => s + t.passed, 0);
const failed = Object.values(tallies).reduce((s, t) => s + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

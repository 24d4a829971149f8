/**
 * Runs every test suite — lint (type check, ESLint, Prettier), unit tests (Vitest) and
 * end-to-end tests (Playwright against the built app) — even when an earlier one fails,
 * then prints one line summing them: `N passed, N failed`. Exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

type Tally = { passed: number; failed: number };

function run(command: string, args: string[]): boolean {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, CI: process.env.CI ?? '1' },
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

rmSync('test-results/e2e.json', { force: true });
const buildOk = run('npx', ['vite', 'build', '--logLevel', 'warn']);
const e2eOk = buildOk && run('npx', ['playwright', 'test']);
const e2e = readJson('test-results/e2e.json') as {
  stats: { expected: number; unexpected: number; flaky: number };
} | null;
tallies.e2e = e2e
  ? {
      passed: e2e.stats.expected + e2e.stats.flaky,
      failed: e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1),
    }
  : { passed: 0, failed: 1 };

console.log('');
for (const [name, t] of Object.entries(tallies))
  console.log(`${name}: ${t.passed} passed, ${t.failed} failed`);
const passed = Object.values(tallies).reduce((s, t) => s + t.passed, 0);
const failed = Object.values(tallies).reduce((s, t) => s + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

import js from '@eslint/js';
import globals from 'globals';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Globals that would tie src/coco to a browser or a worker. */
const hostGlobals = [
  'window',
  'document',
  'navigator',
  'self',
  'postMessage',
  'Worker',
  'fetch',
  'Blob',
  'File',
  'FileReader',
  'localStorage',
  'indexedDB',
  'HTMLElement',
  'HTMLCanvasElement',
  'OffscreenCanvas',
  'ImageBitmap',
  'ImageData',
  'requestAnimationFrame',
].map((name) => ({ name, message: 'src/coco is pure: no DOM or worker APIs.' }));

/**
 * The layers of src/ (STYLE.md, rule 9): imports flow one way, ui → store/canvas → worker
 * client → coco, and io sits beside coco under the worker. Each pattern matches an import
 * that leaves a folder for one it may not use; relative paths only (the app has no aliases).
 * Tests and test helpers reach across (a worker test builds from coco's fixtures), so
 * `*.test.ts` and `testing/` folders are exempt. scripts/lintLayers.test.ts shows each
 * rule failing.
 */
const ourFolder = (names) => `^(\\.\\./)+(${names})(/|$)`;
const noImportOf = (names, message) => ({ regex: ourFolder(names), message });
const noUiLibraries = (layer) => ({
  regex: '^(react|react-dom|konva|react-konva|zustand)(/.*)?$',
  message: `${layer} runs in the worker and in Node: no React, Konva or zustand.`,
});
/**
 * The page's way into the worker. `protocol.ts` (with `predictionTypes.ts`, which it
 * re-exports) is the contract both sides share: message types, plus plain constants and
 * pure helpers (ImageFlag, NO_FILTER, MARK_COLORS, withFindingFlags, firstImageIndex) that
 * the page and the engine must agree on. It is a leaf — its own imports are type-only (enforced below)
 * — so importing its values pulls in no engine code; that is why value imports of it are
 * allowed, not only `import type`. Every other worker module is the engine's inside.
 */
const workerOnlyThrough = (layer, allowed) => ({
  regex: `^(\\.\\./)+worker(?!/(${allowed})$)(/|$)`,
  message: `${layer} reaches the worker only through ${allowed
    .split('|')
    .map((m) => `worker/${m}`)
    .join(', ')}.`,
});
const testsReachAcross = ['src/**/*.test.ts', 'src/**/testing/**'];
const restrictImports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.cache', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The domain core: no React, DOM, Konva, zustand or worker APIs; fflate is its only dependency.
    files: ['src/coco/**/*.ts'],
    ignores: ['src/coco/**/*.test.ts', 'src/coco/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|fflate$).*',
              message: 'src/coco is pure: it may import only its own modules and fflate.',
            },
            {
              regex: '^\\.\\./\\.\\./',
              message: 'src/coco must not import from the rest of the app.',
            },
            // The pattern above catches src/coco/edit/x.ts leaving coco, not src/coco/x.ts.
            noImportOf(
              'io|store|ui|canvas|worker',
              'src/coco must not import from the rest of the app.',
            ),
            {
              regex: '(^|/)testing/',
              message:
                'src/coco/testing is for tests (fixtures, oracles): the library never uses it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...hostGlobals],
    },
  },
  {
    // The engine and the io it runs never reach the network nor run strings as code; the
    // worker enforces it at run time too (src/worker/lockdown.ts). sample.ts is the page's
    // (it fetches the sample from the app's own origin).
    files: ['src/worker/**/*.ts', 'src/io/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/io/sample.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'fetch',
          'XMLHttpRequest',
          'WebSocket',
          'EventSource',
          'WebTransport',
          'importScripts',
        ].map((name) => ({
          name,
          message: 'the engine never uses the network (see src/worker/lockdown.ts).',
        })),
        ...['eval', 'Function'].map((name) => ({
          name,
          message: 'the engine never runs strings as code (the CSP forbids it too).',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['self', 'globalThis', 'window'].flatMap((object) =>
          ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'eval'].map(
            (property) => ({
              object,
              property,
              message: 'the engine never uses the network or eval.',
            }),
          ),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.name=/^(setTimeout|setInterval)$/] > :first-child[type=/^(Literal|TemplateLiteral|BinaryExpression)$/]',
          message: 'a string timer is code made from a string: pass a function.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(setTimeout|setInterval)$/] > :first-child[type=/^(Literal|TemplateLiteral|BinaryExpression)$/]',
          message: 'a string timer is code made from a string: pass a function.',
        },
      ],
    },
  },
  {
    // io reads and writes files for the engine and the page: it uses only coco.
    files: ['src/io/**/*.ts'],
    ignores: testsReachAcross,
    rules: restrictImports(
      noImportOf('store|ui|canvas|worker', 'io imports only coco (and its own modules).'),
      noUiLibraries('io'),
    ),
  },
  {
    // The engine: coco and io, never the page.
    files: ['src/worker/**/*.ts'],
    ignores: [...testsReachAcross, 'src/worker/protocol.ts', 'src/worker/predictionTypes.ts'],
    rules: restrictImports(
      noImportOf('store|ui|canvas', 'the worker imports only coco, io and its own modules.'),
      noUiLibraries('the worker'),
    ),
  },
  {
    // The contract is a leaf: whoever imports it pulls in no engine code.
    files: [
      'src/worker/protocol.ts',
      'src/worker/editTypes.ts',
      'src/worker/predictionTypes.ts',
      'src/worker/summaryTypes.ts',
      'src/worker/viewTypes.ts',
    ],
    rules: restrictImports(
      noImportOf('store|ui|canvas', 'the worker imports only coco, io and its own modules.'),
      noUiLibraries('the worker'),
      {
        regex: '^(?!\\./(editTypes|predictionTypes|summaryTypes|viewTypes)$)',
        allowTypeImports: true,
        message: 'protocol.ts is a leaf: its imports are type-only (see workerOnlyThrough).',
      },
    ),
  },
  {
    // The store talks to the engine through its client.
    files: ['src/store/**/*.ts'],
    ignores: testsReachAcross,
    rules: restrictImports(
      noImportOf('ui|canvas', 'the store never imports ui or canvas.'),
      workerOnlyThrough(
        'the store',
        'client|protocol|editTypes|predictionTypes|summaryTypes|viewTypes',
      ),
    ),
  },
  {
    files: ['src/canvas/**/*.ts', 'src/canvas/**/*.tsx'],
    ignores: testsReachAcross,
    rules: restrictImports(
      noImportOf('ui', 'canvas never imports ui.'),
      workerOnlyThrough('canvas', 'protocol|editTypes|predictionTypes|summaryTypes|viewTypes'),
    ),
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: testsReachAcross,
    rules: restrictImports(
      { regex: '^(konva|react-konva)(/.*)?$', message: 'ui does not import konva.' },
      workerOnlyThrough('ui', 'protocol|editTypes|predictionTypes|summaryTypes|viewTypes'),
    ),
  },
  {
    // End-to-end tests wait for states, never for time: the patterns that make a suite
    // pass only on an idle machine are errors (STYLE.md, rule 14).
    ...playwright.configs['flat/recommended'],
    files: ['e2e/**/*.ts'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'playwright/no-wait-for-timeout': 'error',
      'playwright/no-networkidle': 'error',
      'playwright/missing-playwright-await': 'error',
      'playwright/no-wait-for-selector': 'error',
      'playwright/no-wait-for-navigation': 'error',
      // Helpers named expect… (expectStatus, expectBbox, expectRejected) assert.
      'playwright/expect-expect': ['warn', { assertFunctionPatterns: ['^expect[A-Z]'] }],
      // Expected values are computed from the fixtures themselves (counts, histogram bins),
      // which takes loops and branches; the assertions themselves are unconditional.
      'playwright/no-conditional-in-test': 'off',
      // A skip that says why (no room on disk for the 570 MB file) is a fact, not a flake.
      'playwright/no-skipped-test': ['warn', { allowConditional: true }],
    },
  },
);

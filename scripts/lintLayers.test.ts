/**
 * The layers of src/ (STYLE.md, rule 9) are lint rules in eslint.config.js: an import that
 * crosses a layer fails `npm run lint`. Each case lints one line as if it were a file of
 * the app, and checks that no-restricted-imports flags it, or lets it through.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });

/** The messages no-restricted-imports gives `code` linted as the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

type Case = [filePath: string, code: string];

const crossing: Case[] = [
  // coco imports nothing of ours.
  ['src/coco/x.ts', "import { a } from '../io/layout';"],
  ['src/coco/x.ts', "import type { SourceFile } from '../worker/protocol';"],
  ['src/coco/edit/x.ts', "import { a } from '../../store/store';"],
  ['src/coco/x.ts', "import { a } from 'zustand';"],
  // io imports only coco.
  ['src/io/x.ts', "import type { SourceFile } from '../worker/protocol';"],
  ['src/io/x.ts', "import { a } from '../store/store';"],
  ['src/io/x.ts', "import { a } from '../ui/format';"],
  ['src/io/x.ts', "import { a } from '../canvas/viewport';"],
  ['src/io/zip/x.ts', "import { a } from '../../worker/client';"],
  ['src/io/x.ts', "import { useState } from 'react';"],
  // The worker imports only coco and io.
  ['src/worker/x.ts', "import { a } from '../store/engine';"],
  ['src/worker/x.ts', "import { a } from '../ui/format';"],
  ['src/worker/x.ts', "import { a } from '../canvas/viewport';"],
  ['src/worker/x.ts', "import Konva from 'konva';"],
  // The contract is a leaf: no value imports.
  ['src/worker/protocol.ts', "import { invertPatch } from '../coco';"],
  ['src/worker/protocol.ts', "import { filterImages } from './filterImages';"],
  ['src/worker/predictionTypes.ts', "import { ImageFlag } from './protocol';"],
  // The store reaches the worker through its client only.
  ['src/store/x.ts', "import { applySubsetPatch } from '../worker/edits';"],
  ['src/store/x.ts', "import type { Subset } from '../worker/subset';"],
  ['src/store/x.ts', "import { a } from '../worker';"],
  ['src/store/x.ts', "import { a } from '../ui/format';"],
  ['src/store/x.ts', "import { a } from '../canvas/viewport';"],
  // canvas and ui: the protocol, never the client or the engine.
  ['src/canvas/x.ts', "import { EngineClient } from '../worker/client';"],
  ['src/canvas/x.ts', "import { a } from '../worker/maskPixels';"],
  ['src/canvas/x.tsx', "import { Toolbar } from '../ui/Toolbar';"],
  ['src/ui/x.tsx', "import { EngineClient } from '../worker/client';"],
  ['src/ui/evaluation/x.tsx', "import type { Subset } from '../../worker/subset';"],
  ['src/ui/x.tsx', "import { Stage } from 'react-konva';"],
  ['src/ui/x.tsx', "import Konva from 'konva';"],
];

const allowed: Case[] = [
  ['src/coco/x.ts', "import { unzipSync } from 'fflate';"],
  ['src/coco/x.ts', "import { parseCoco } from './parse';"],
  ['src/io/x.ts', "import { parseCoco } from '../coco';"],
  ['src/io/x.ts', "import { a } from './layout';"],
  ['src/io/zip/x.ts', "import { a } from '../../coco';"],
  ['src/worker/x.ts', "import { parseCoco } from '../coco';"],
  ['src/worker/x.ts', "import { a } from '../io/layout';"],
  ['src/worker/x.ts', "import { a } from './edits';"],
  ['src/worker/protocol.ts', "import type { Patch } from '../coco';"],
  ['src/worker/protocol.ts', "export * from './predictionTypes';"],
  ['src/worker/predictionTypes.ts', "import type { MaskImage } from './protocol';"],
  ['src/store/x.ts', "import { EngineClient } from '../worker/client';"],
  ['src/store/x.ts', "import type { SubsetPatch } from '../worker/protocol';"],
  ['src/store/x.ts', "import { NO_FILTER } from '../worker/protocol';"],
  ['src/store/x.ts', "import { invertPatchSequence } from '../coco';"],
  ['src/canvas/x.ts', "import type { MaskImage } from '../worker/protocol';"],
  ['src/canvas/x.ts', "import { useStore } from '../store/store';"],
  ['src/canvas/x.tsx', "import { Stage } from 'react-konva';"],
  ['src/ui/x.tsx', "import { ImageFlag } from '../worker/protocol';"],
  ['src/ui/evaluation/x.tsx', "import type { EvaluationReport } from '../../worker/protocol';"],
  ['src/ui/x.tsx', "import { CanvasView } from '../canvas/CanvasView';"],
  // Tests and test helpers reach across.
  ['src/store/x.test.ts', "import { applySubsetPatch } from '../worker/edits';"],
  ['src/io/testing/x.ts', "import { a } from '../../worker/subset';"],
];

describe('the layers of src/ are lint rules', () => {
  it.each(crossing)('%s: `%s` is an error', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it.each(allowed)('%s: `%s` is allowed', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});

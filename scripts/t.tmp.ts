import { launchChromium } from './lib/browser';
import { measureOpen, newBenchPage } from './bench/page';
import { measureEvaluation, predictionsFile } from './bench/evaluation';
const browser = await launchChromium(['--js-flags=--max-old-space-size=8192']);
const page = await newBenchPage(browser, 'http://127.0.0.1:4173/');
await measureOpen(page, ['.cache/bench/val2017.json']);
console.log(await measureEvaluation(page, predictionsFile('.cache/bench/val2017.json')));
await browser.close();

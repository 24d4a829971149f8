/** Locks the worker's global scope down when imported (first, by engine.worker.ts). */
import { lockDown } from './lockdown';

lockDown(self);

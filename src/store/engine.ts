/** The one data engine client of the page (it owns the workers; the store never holds them). */
import { EngineClient } from '../worker/client';

export const engine = new EngineClient();

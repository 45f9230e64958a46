import { DEFAULTS } from './defaults.js';
import type { Config } from './schema.js';

// Apart from defaults.ts, which the schema reads its defaults from: the typed copy needs the schema's type.

/** A fresh copy of the defaults (callers may change it). */
export function defaultConfig(): Config {
  return structuredClone(DEFAULTS) as unknown as Config;
}

import { createRequire } from 'node:module';

// The `yaml` package reads YAML (and JSON, with positions), anchors capped and errors kept. Many analyses never
// need it, so it is loaded on first use, not with the CLI.

const require = createRequire(import.meta.url);
let lib: typeof import('yaml') | undefined;

export function yaml(): typeof import('yaml') {
  return (lib ??= require('yaml') as typeof import('yaml'));
}

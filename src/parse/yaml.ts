import { createRequire } from 'node:module';

// The `yaml` package reads YAML with positions, anchors capped and errors kept. Most analyses never need it
// (plain YAML goes to js-yaml, an order of magnitude faster), so it is loaded on first use, not with the CLI.

const require = createRequire(import.meta.url);
let lib: typeof import('yaml') | undefined;

export function yaml(): typeof import('yaml') {
  return (lib ??= require('yaml') as typeof import('yaml'));
}

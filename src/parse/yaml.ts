import { createRequire } from 'node:module';

// Two YAML readers, each loaded on first use (many analyses read no YAML):
// - the `yaml` package reads YAML (and JSON) with positions, anchors capped and errors kept: it decides what a
//   text means;
// - js-yaml builds plain values several times faster (docs/performance.md), and reads the texts it accepts as the
//   `yaml` package does (structured.ts keeps only those).

const require = createRequire(import.meta.url);
let lib: typeof import('yaml') | undefined;
let fast: typeof import('js-yaml') | undefined;

export function yaml(): typeof import('yaml') {
  return (lib ??= require('yaml') as typeof import('yaml'));
}

export function jsYaml(): typeof import('js-yaml') {
  return (fast ??= require('js-yaml') as typeof import('js-yaml'));
}

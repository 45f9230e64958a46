import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import { textReporter } from './text.js';
import { sarifReporter } from './sarif.js';
import { gitlabReporter } from './gitlab.js';

/** Every output format, by name. The TUI is chosen by the CLI, not here, since it is interactive. */
export const REPORTERS = {
  text: textReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  sarif: sarifReporter,
  gitlab: gitlabReporter,
} satisfies Record<string, Reporter>;

export type Format = keyof typeof REPORTERS;

export function isFormat(name: string): name is Format {
  return Object.hasOwn(REPORTERS, name);
}

import type { Format } from './formats.js';
import { gitlabReporter } from './gitlab.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

export { FORMAT_NAMES, isFormat, type Format } from './formats.js';

/** A reporter for every format of formats.ts, and no other. The TUI is chosen by the CLI, not here, since it is interactive. */
export const REPORTERS = {
  text: textReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  sarif: sarifReporter,
  gitlab: gitlabReporter,
} satisfies Record<Format, Reporter>;

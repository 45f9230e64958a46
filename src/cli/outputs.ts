import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Context } from '../report/reporter.js';
import { UsageError } from '../util/errors.js';
import type { WriteGuard } from '../git/write-guard.js';
import type { Report } from '../model/report.js';
import { FORMAT_NAMES, REPORTERS, isFormat, type Format } from '../report/index.js';
import { oneLine } from '../util/sanitize.js';

/** One `--output FORMAT=FILE`: the file is always the user's choice, never derived from refs or repository text. */
export interface OutputSpec {
  format: Format;
  file: string;
}

export function parseOutputs(values: readonly string[] = []): OutputSpec[] {
  const seen = new Set<string>();
  return values.map((value) => {
    const eq = value.indexOf('=');
    const format = eq > 0 ? value.slice(0, eq) : '';
    const file = eq > 0 ? value.slice(eq + 1) : '';
    if (!format || !file) {
      throw new UsageError(`--output ${oneLine(value)}: expected FORMAT=FILE`, 'for example --output sarif=rollback-ready.sarif');
    }
    if (!isFormat(format)) {
      throw new UsageError(`--output ${oneLine(value)}: unknown format ${oneLine(format)}`, `use one of: ${FORMAT_NAMES.join(', ')}`);
    }
    const abs = resolve(file);
    if (seen.has(abs)) throw new UsageError(`--output ${oneLine(value)}: ${oneLine(file)} is named twice`, 'give each output its own file');
    seen.add(abs);
    return { format, file: abs };
  });
}

/**
 * Refuses outputs inside any git directory of the analysed repository (for a bare repository, the repository
 * itself; see src/git/write-guard.ts): the tool never writes to a repository. Its work tree is allowed: CI keeps
 * artefacts there.
 */
export function guardOutputs(outputs: readonly OutputSpec[], guard: WriteGuard): void {
  for (const { file } of outputs) guard.check(file, '--output');
}

/** Renders and writes every requested report from the one analysis. */
export function writeOutputs(report: Report, outputs: readonly OutputSpec[], repoDir?: string, context?: Context): void {
  for (const { format, file } of outputs) {
    const text = REPORTERS[format].render(report, { repoDir, ...(context ? { context } : {}) });
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(`--output ${oneLine(file)}: cannot write (${code})`, 'choose a writable file path');
    }
  }
}

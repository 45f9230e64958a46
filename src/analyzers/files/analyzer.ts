import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../facts.js';
import type { BlobContent, Category, ChangedFile, Side } from '../../model.js';
import { isAsset, isDoc, isScript, isStylesheet, isTest } from './kinds.js';

const UNREADABLE_REASON: Record<NonNullable<BlobContent['unreadable']>, string> = {
  binary: 'binary content',
  'too-large': 'larger than the size limit (limits.maxFileBytes)',
  missing: 'its content could not be read from git',
  'not-utf8': 'not valid UTF-8 text',
  submodule: 'a submodule pointer',
  symlink: 'a symbolic link',
};

/** Why a changed file cannot be read as text at some side, or undefined when both sides read. */
export function unreadableReason(release: Release, file: ChangedFile): { side: Side; reason: string } | undefined {
  for (const side of ['from', 'to'] as const) {
    if ((side === 'from' ? file.fromBlob : file.toBlob) === undefined) continue;
    const content = release.content(file, side);
    if (content.unreadable) return { side, reason: UNREADABLE_REASON[content.unreadable] };
  }
  return undefined;
}

/**
 * Classifies files by what they are: documentation, tests, assets, stylesheets, and
 * scripts that parse (code-change until the contract analyzers say more).
 * A script that does not parse, or content that cannot be read, is reported, not passed.
 */
export const filesAnalyzer: Analyzer = {
  name: 'files',
  analyze(release: Release): Fact[] {
    const facts: Fact[] = [];
    for (const file of release.files) {
      const classify = (category: Category, reason: string) =>
        facts.push({ kind: 'file.classified', path: file.path, category, reason });
      if (isAsset(file.path)) {
        classify('assets', 'image, font or media file');
        continue;
      }
      const unreadable = unreadableReason(release, file);
      if (unreadable) {
        facts.push({ kind: 'file.unreadable', path: file.path, side: unreadable.side, reason: unreadable.reason });
        continue;
      }
      if (isTest(file.path)) classify('tests', 'test file');
      else if (isDoc(file.path)) classify('docs', 'documentation');
      else if (isStylesheet(file.path)) classify('style-only', 'stylesheet');
      else if (isScript(file.path)) {
        const broken = syntaxErrorSide(release, file);
        if (broken) {
          facts.push({
            kind: 'file.unreadable',
            path: file.path,
            line: broken.line,
            side: broken.side,
            reason: `TypeScript/JavaScript syntax error at ${broken.side}: ${broken.message}`,
          });
        } else classify('code-change', 'script that parses');
      }
    }
    return facts;
  },
};

function syntaxErrorSide(release: Release, file: ChangedFile): { side: Side; line: number; message: string } | undefined {
  for (const side of ['from', 'to'] as const) {
    const text = release.content(file, side).text;
    if (text === undefined) continue;
    const source = release.sourceFile(side, pathAt(file, side), text);
    const diagnostics = (source.compilerNode as unknown as { parseDiagnostics?: { start?: number; messageText: unknown }[] }).parseDiagnostics ?? [];
    const first = diagnostics[0];
    if (first) {
      const line = first.start !== undefined ? source.getLineAndColumnAtPos(first.start).line : 1;
      const message = typeof first.messageText === 'string' ? first.messageText : 'parse error';
      return { side, line, message };
    }
  }
  return undefined;
}

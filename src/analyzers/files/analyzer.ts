import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { BlobContent, Category, ChangedFile, Side } from '../../model/report.js';
import { isAsset, isDevTooling, isDoc, isMarkup, isScript, isStylesheet, isTemplate, isTest } from '../../parse/kinds.js';
import { templateLogic } from '../../parse/markup.js';
import { sameStructuredValue } from '../structured.js';

const UNREADABLE_REASON: Record<NonNullable<BlobContent['unreadable']>, string> = {
  binary: 'binary content',
  'too-large': 'larger than the size limit (limits.maxFileBytes)',
  missing: 'its content could not be read from git',
  'not-utf8': 'not valid UTF-8 text',
  submodule: 'a submodule pointer',
  symlink: 'a symbolic link',
  'out-of-time': 'not read: the time budget (limits.timeBudgetSeconds) ran out first',
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
 * Classifies files by what they are: documentation, tests, assets, stylesheets, markup, and
 * scripts that parse — style-only when both versions have the same syntax tree once layout and
 * comments are left out (or, in JSX, the same logic once markup is left out), else code-change.
 * JSON and YAML with the same parsed value are style-only; other changes to them are left to the
 * analyzers that know the file. A script that does not parse, or content that cannot be read, is
 * reported, not passed.
 */
export const filesAnalyzer: Analyzer = {
  name: 'files',
  readsScripts: true,
  async analyze(release: Release): Promise<Fact[]> {
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
      else if (isDevTooling(file.path)) classify('style-only', 'editor, formatter, linter or git settings: nothing that runs in production');
      else if (isMarkup(file.path) || isTemplate(file.path)) {
        const kind = isMarkup(file.path) ? 'html' : 'template';
        if (sameLogic(release, file, kind)) classify('style-only', kind === 'html' ? 'markup only: no script, handler or binding changed' : 'template markup only: no template tag changed');
        else classify('code-change', kind === 'html' ? 'markup with scripts, handlers or bindings that changed' : 'template logic changed');
      } else if (sameStructuredValue(release, file)) classify('style-only', 'same parsed value: only formatting, key order or comments changed');
      else if (isScript(file.path)) {
        const broken = syntaxErrorSide(release, file);
        if (broken) {
          facts.push({
            kind: 'file.unreadable',
            path: file.path,
            ...(broken.line !== undefined ? { line: broken.line } : {}),
            side: broken.side,
            reason: `TypeScript/JavaScript syntax error at ${broken.side}: ${broken.message}`,
          });
        } else {
          const style = release.scriptChange(file)?.style;
          if (style === 'format') classify('style-only', 'formatting or comments only: the syntax trees are the same');
          else if (style === 'markup') classify('style-only', 'JSX markup only: elements, static text or className/style values; no logic, prop, hook or handler changed');
          else classify('code-change', 'script that parses');
        }
      }
    }
    return facts;
  },
};

function syntaxErrorSide(release: Release, file: ChangedFile): { side: Side; line?: number; message: string } | undefined {
  for (const side of ['from', 'to'] as const) {
    const text = release.content(file, side).text;
    if (text === undefined) continue;
    const digest = release.script(side, pathAt(file, side), text);
    if (digest.parseFailure) return { side, message: digest.parseFailure };
    if (digest.syntaxError) return { side, ...digest.syntaxError };
  }
  return undefined;
}

function sameLogic(release: Release, file: ChangedFile, kind: 'html' | 'template'): boolean {
  if (file.status !== 'modified') return false;
  const from = release.content(file, 'from').text;
  const to = release.content(file, 'to').text;
  if (from === undefined || to === undefined) return false;
  const a = templateLogic(from, kind);
  const b = templateLogic(to, kind);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

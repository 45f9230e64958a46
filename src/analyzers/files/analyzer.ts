import { type Analyzer, type ChangedScript, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { BlobContent, Category, ChangedFile, Side } from '../../model/report.js';
import {
  mayHoldJsx,
  isAsset,
  isComponentFile,
  isDevTooling,
  isDoc,
  isJson,
  isMarkup,
  isScript,
  isStylesheet,
  isTemplate,
  isTest,
  isTranslation,
  isYaml,
  isForgeOrCi,
} from '../../parse/kinds.js';
import { componentLogic, templateLogic } from '../../parse/markup.js';
import { versionOnlyChange } from '../../parse/versions.js';
import { CONFIG_FILES } from '../../config/load.js';
import { sameStructuredValue, structuredAt } from '../structured.js';
import { typescript } from '../../parse/typescript/compiler.js';
import { sameSyntax, shapesOf } from '../../parse/typescript/syntax.js';

/** What the files analyzer keeps of a changed script: where it does not parse, or that only its style changed. */
interface ScriptReading {
  broken?: { side: Side; line?: number; message: string };
  style?: 'format' | 'markup';
}

const UNREADABLE_REASON: Record<NonNullable<BlobContent['unreadable']>, string> = {
  binary: 'binary content',
  'too-large': 'larger than the size limit (limits.maxFileBytes)',
  missing: 'its content could not be read from git',
  failed: 'git stopped before it answered (read it by hand)',
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
export const filesAnalyzer: Analyzer<ScriptReading> = {
  name: 'files',
  readScript: readScript,
  analyze(release, readings): Fact[] {
    const facts: Fact[] = [];
    for (const file of release.files) {
      const classify = (category: Category, reason: string) => facts.push({ kind: 'file.classified', path: file.path, category, reason });
      if (isAsset(file.path)) {
        classify('assets', 'image, font or media file');
        continue;
      }
      const unreadable = unreadableReason(release, file);
      // A link's target is not followed; a link named as documentation or a test is that, whatever it points to.
      if (unreadable?.reason === UNREADABLE_REASON.symlink && (isDoc(file.path) || isTest(file.path))) {
        classify(isTest(file.path) ? 'tests' : 'docs', `symbolic link named as ${isTest(file.path) ? 'a test' : 'documentation'}`);
        continue;
      }
      if (unreadable) {
        facts.push({ kind: 'file.unreadable', path: file.path, side: unreadable.side, reason: unreadable.reason });
        continue;
      }
      let bump: string | undefined;
      if (isTest(file.path)) classify('tests', 'test file');
      else if (isForgeOrCi(file.path) && isScript(file.path))
        classify('infrastructure-change', "code of the repository's own CI actions or scripts: it runs in the CI service, not in the app");
      else if (isOwnConfig(file.path))
        classify('config-change', "rollback-ready's own configuration: how this analysis reads the release, nothing the app runs");
      else if (isTranslation(file.path)) {
        const broken =
          (isJson(file.path) || isYaml(file.path)) && !sameStructuredValue(release, file) ? unparsedSide(release, file) : undefined;
        if (broken)
          facts.push({
            kind: 'file.unreadable',
            path: file.path,
            side: broken,
            reason: `translation catalogue that does not parse at ${broken}`,
          });
        else classify('translations', 'translation catalogue: text shown to users, rolled back with the code that shows it');
      } else if (isDoc(file.path)) classify('docs', 'documentation');
      else if (isStylesheet(file.path)) classify('style-only', 'stylesheet');
      else if (isDevTooling(file.path))
        classify('style-only', 'editor, formatter, linter or git settings: nothing that runs in production');
      else if ((isScript(file.path) || isComponentFile(file.path)) && (bump = versionBump(release, file))) classify('version-bump', bump);
      else if (isComponentFile(file.path)) {
        if (sameComponentLogic(release, file))
          classify('style-only', 'single-file component: markup, static text or styles only; no script, binding or expression changed');
        else classify('code-change', 'single-file component: script, bindings or expressions changed');
      } else if (isMarkup(file.path) || isTemplate(file.path)) {
        const kind = isMarkup(file.path) ? 'html' : 'template';
        if (sameLogic(release, file, kind))
          classify(
            'style-only',
            kind === 'html' ? 'markup only: no script, handler or binding changed' : 'template markup only: no template tag changed',
          );
        else classify('code-change', kind === 'html' ? 'markup with scripts, handlers or bindings that changed' : 'template logic changed');
      } else if (sameStructuredValue(release, file))
        classify('style-only', 'same parsed value: only formatting, key order or comments changed');
      else if (isScript(file.path)) {
        const reading = readings.get(file);
        const broken = reading?.broken;
        if (broken) {
          facts.push({
            kind: 'file.unreadable',
            path: file.path,
            ...(broken.line !== undefined ? { line: broken.line } : {}),
            side: broken.side,
            reason: `TypeScript/JavaScript syntax error at ${broken.side}: ${broken.message}`,
          });
        } else {
          const style = reading?.style;
          if (style === 'format') classify('style-only', 'formatting or comments only: the syntax trees are the same');
          else if (style === 'markup')
            classify(
              'style-only',
              'JSX markup only: elements, static text or className/style values; no logic, prop, hook or handler changed',
            );
          else classify('code-change', 'script that parses');
        }
      }
    }
    return facts;
  },
};

/** Where a changed script does not parse, else whether only its layout (or JSX markup) changed. */
function readScript({ file, from, to }: ChangedScript): ScriptReading {
  for (const [side, parsed] of [['from', from] as const, ['to', to] as const]) {
    if (parsed?.failure) return { broken: { side, message: parsed.failure } };
    if (parsed?.syntaxError) return { broken: { side, ...parsed.syntaxError } };
  }
  if (file.status !== 'modified' || !from?.syntax || !to?.syntax) return {};
  const ts = typescript();
  if (shapesOf(ts, from.syntax, to.syntax).format) return { style: 'format' };
  return mayHoldJsx(from.path) && sameMarkup(from.syntax, to.syntax) ? { style: 'markup' } : {};
}

/** Same logic once JSX markup is left out; a tree too deep to walk counts as different. */
function sameMarkup(from: import('ts-morph').ts.SourceFile, to: import('ts-morph').ts.SourceFile): boolean {
  try {
    return sameSyntax(typescript(), from, to, 'markup');
  } catch {
    return false;
  }
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

/** `version numbers only (26.3.1 at the running release, 26.3.0 at the target)` when that is all that changed. */
export function versionBump(release: Release, file: ChangedFile): string | undefined {
  if (file.status !== 'modified') return undefined;
  const from = release.content(file, 'from').text;
  const to = release.content(file, 'to').text;
  const change = from !== undefined && to !== undefined ? versionOnlyChange(from, to) : undefined;
  return change ? `version numbers only (${change.from} running, ${change.to} at the target)` : undefined;
}

/**
 * What the files no analyzer classified are, when their change says so by itself: version numbers only (a
 * Cargo.toml, tauri.conf.json or lerna.json bump, a version constant in Go or Rust), or JSON and YAML data that
 * parses at both sides. Others stay unread.
 */
export function leftoverFacts(release: Release, files: readonly ChangedFile[]): Fact[] {
  const facts: Fact[] = [];
  for (const file of files) {
    const bump = versionBump(release, file);
    if (bump) facts.push({ kind: 'file.classified', path: file.path, category: 'version-bump', reason: bump });
    else if ((isJson(file.path) || isYaml(file.path)) && !unreadableReason(release, file) && unparsedSide(release, file) === undefined) {
      facts.push({
        kind: 'file.classified',
        path: file.path,
        category: 'code-change',
        reason: 'data or settings file (JSON/YAML) the app or its build reads: it parses, and rolls back with the code',
      });
    }
  }
  return facts;
}

// package.json holds it under `rollbackReady`, among what the other analyzers read.
const OWN_CONFIG = new Set<string>(CONFIG_FILES.filter((name) => name !== 'package.json'));
const isOwnConfig = (path: string) => OWN_CONFIG.has(path);

function unparsedSide(release: Release, file: ChangedFile): Side | undefined {
  for (const side of ['from', 'to'] as const) {
    if ((side === 'from' ? file.fromBlob : file.toBlob) === undefined) continue;
    if (structuredAt(release, file, side) === undefined) return side;
  }
  return undefined;
}

function sameComponentLogic(release: Release, file: ChangedFile): boolean {
  if (file.status !== 'modified') return false;
  const from = release.content(file, 'from').text;
  const to = release.content(file, 'to').text;
  if (from === undefined || to === undefined) return false;
  const a = componentLogic(from);
  const b = componentLogic(to);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

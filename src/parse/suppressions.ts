// `rollback-ready-ignore <rule-id>: <reason>` comments, written in the comment syntax of each kind of file.
import { clip } from '../util/sanitize.js';
import { baseName, extension, isComponentFile, isDockerfile, isJson, isMarkup, isScript, isStylesheet, isYaml } from './kinds.js';

export const SUPPRESSION_MARKER = 'rollback-ready-ignore';
// A reason is quoted in every report that shows the finding; a comment line has no length of its own.
const MAX_REASON = 300;

/** How a kind of file writes a comment: line openers and block delimiters. */
export interface CommentSyntax {
  line: readonly string[];
  block: readonly (readonly [open: string, close: string])[];
}

const C_LIKE: CommentSyntax = {
  line: ['//'],
  block: [
    ['/*', '*/'],
    ['{/*', '*/}'],
  ],
};
const SQL: CommentSyntax = { line: ['--'], block: [['/*', '*/']] };
const HASH: CommentSyntax = { line: ['#'], block: [] };
const MARKUP: CommentSyntax = { line: [], block: [['<!--', '-->']] };
const COMPONENT: CommentSyntax = {
  line: ['//'],
  block: [
    ['/*', '*/'],
    ['<!--', '-->'],
  ],
};
const CSS: CommentSyntax = { line: [], block: [['/*', '*/']] };
const SCSS: CommentSyntax = { line: ['//'], block: [['/*', '*/']] };
// A file of a kind the tool does not know: the two usual line comments.
const OTHER: CommentSyntax = { line: ['#', '//'], block: [] };

const C_LIKE_EXTENSIONS = new Set([
  'prisma',
  'go',
  'java',
  'kt',
  'kts',
  'cs',
  'rs',
  'swift',
  'scala',
  'dart',
  'proto',
  'gradle',
  'groovy',
  'c',
  'h',
  'cc',
  'cpp',
  'hpp',
  'jsonc',
  'json5',
]);
const SQL_EXTENSIONS = new Set(['sql', 'psql', 'pgsql', 'cql', 'hql']);
const HASH_EXTENSIONS = new Set([
  'sh',
  'bash',
  'zsh',
  'toml',
  'py',
  'rb',
  'graphql',
  'gql',
  'properties',
  'conf',
  'cfg',
  'ini',
  'tf',
  'tfvars',
  'hcl',
  'r',
  'pl',
  'env',
]);
const MARKUP_EXTENSIONS = new Set(['xml', 'md', 'markdown', 'csproj', 'svg', 'xsd', 'wsdl', 'plist']);
const HASH_NAMES = new Set([
  'makefile',
  'procfile',
  'gemfile',
  'pipfile',
  '.npmrc',
  '.yarnrc',
  '.dockerignore',
  '.gitignore',
  'requirements.txt',
  'caddyfile',
]);

/** The comment syntax of a file by its name; undefined for a kind with no comments (JSON). */
export function commentSyntaxOf(path: string): CommentSyntax | undefined {
  const ext = extension(path);
  const name = baseName(path).toLowerCase();
  if (isJson(path)) return undefined;
  if (isScript(path) || C_LIKE_EXTENSIONS.has(ext)) return C_LIKE;
  if (isComponentFile(path)) return COMPONENT;
  if (SQL_EXTENSIONS.has(ext)) return SQL;
  if (isYaml(path) || isDockerfile(path) || HASH_EXTENSIONS.has(ext) || HASH_NAMES.has(name) || name === '.env' || name.startsWith('.env.'))
    return HASH;
  if (isMarkup(path) || MARKUP_EXTENSIONS.has(ext)) return MARKUP;
  if (ext === 'scss' || ext === 'less') return SCSS;
  if (isStylesheet(path)) return CSS;
  return OTHER;
}

/** One suppression comment: `line` is the line it applies to (the next line of code), `comment` its own line. */
export interface Suppression {
  line: number;
  comment: number;
  ruleId: string;
  reason: string;
}

const BODY = /^\s*rollback-ready-ignore\s+([A-Za-z0-9][\w./-]*)\s*:?\s*(.*)$/;

/**
 * The suppression comments of a file, each mapped to the line it applies to: the next line that is neither blank
 * nor part of a comment (so a doc comment or another suppression may sit between). A comment with no code after
 * it applies to its own line, where no finding can be.
 */
export function suppressionsIn(path: string, text: string): Suppression[] {
  if (!text.includes(SUPPRESSION_MARKER)) return [];
  const syntax = commentSyntaxOf(path);
  if (!syntax) return [];
  const lines = text.split('\n');
  const code: boolean[] = [];
  const found: { comment: number; ruleId: string; reason: string }[] = [];
  let closer: string | undefined;
  for (let k = 0; k < lines.length; k++) {
    const trimmed = lines[k]!.trim();
    if (closer !== undefined) {
      code.push(false);
      if (trimmed.includes(closer)) closer = undefined;
      continue;
    }
    let body: string | undefined;
    const opener = syntax.line.find((o) => trimmed.startsWith(o));
    if (opener !== undefined) body = trimmed.slice(opener.length);
    else {
      // The longest opener first: `{/*` before `/*`.
      const block = [...syntax.block].sort((a, b) => b[0].length - a[0].length).find(([open]) => trimmed.startsWith(open));
      if (block) {
        const rest = trimmed.slice(block[0].length);
        const end = rest.indexOf(block[1]);
        if (end < 0) closer = block[1];
        body = end < 0 ? rest : rest.slice(0, end);
      }
    }
    code.push(body === undefined && trimmed !== '');
    const m = body === undefined ? null : BODY.exec(body);
    if (m)
      found.push({
        comment: k + 1,
        ruleId: m[1]!,
        reason: clip(m[2]!.replace(/\s*(\*\/\}?|-->)\s*$/, '').trim(), MAX_REASON) || 'no reason given',
      });
  }
  return found.map((s) => {
    let target = s.comment;
    while (target < lines.length && !code[target]) target++;
    return { line: target < lines.length ? target + 1 : s.comment, ...s };
  });
}

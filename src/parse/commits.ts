// What a commit message or a pull request title says it does: a fix, a security fix, and the advisory ids it names.

const FIX_SUBJECT = /^(fix|bugfix|hotfix)(\([^)]*\))?!?:\s/i;
const REVERT = /^revert\b/i;
const FIX_TRAILER = /\b(fix(es|ed)?|close[sd]?|resolve[sd]?)\s+([\w.-]+\/[\w.-]+)?#\d+/i;
const ADVISORY_ID = /\b(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})\b/gi;
const SECURITY_WORD = /\b(security|vulnerabilit(y|ies)|vulnerable)\b/gi;
/**
 * "security" as the name of a part of the product, not what the change is: an account's security page, a settings
 * section, security keys and questions (a sign-in feature).
 */
const PRODUCT_PART =
  /^\s+(page|pages|section|sections|tab|tabs|setting|settings|center|centre|panel|view|screen|card|sidebar|menu|layout|form|icon|label|title|key|keys|question|questions|method|methods)\b/i;
/** In a body, "security" counts only where it says what the change is: a security fix, a `[security]` update. */
const SECURITY_CHANGE =
  /^\s+(fix|fixes|issue|issues|vulnerabilit(y|ies)|advisory|advisories|patch|patches|update|updates|release|bug|bugs|hole|holes|flaw|flaws|risk|risks|problem|problems|hardening|reasons?)\b/i;
/**
 * Subjects of a kind that is not a fix (`feat:`, `test:`, `ci:`, `docs:`, `style:`, `build:`): a word there names a
 * feature ("add app access control rules tab", "add security page render test"); only an advisory id marks them.
 */
const NOT_A_FIX = /^(feat|test|tests|ci|docs|style|build)(\([^)]*\))?!?:\s/i;

/** The first security word of a text that says what the change is. */
function securityWord(text: string, inBody: boolean): string | undefined {
  for (const match of text.matchAll(SECURITY_WORD)) {
    if (/^security$/i.test(match[0])) {
      const after = text.slice(match.index + match[0].length);
      if (PRODUCT_PART.test(after)) continue;
      if (inBody && !SECURITY_CHANGE.test(after) && text[match.index - 1] !== '[') continue;
    }
    return match[0];
  }
  return undefined;
}

/** Names of weaknesses a subject or title may give instead of the word "security" (OWASP and CWE names). */
export const WEAKNESS_WORDS = [
  'redos',
  're-dos',
  'backtracking',
  'xss',
  'cross-site scripting',
  'csrf',
  'ssrf',
  'idor',
  'injection',
  'prototype pollution',
  'path traversal',
  'directory traversal',
  'open redirect',
  'access control',
  'authorization bypass',
  'auth bypass',
  'privilege escalation',
  'timing attack',
  'timing-safe',
];

export interface MessageMarks {
  /** `fix:`, `revert`, `Fixes #12`: the change fixes something. */
  fix?: string;
  /** What marks it as a security fix: an advisory id, a word, a weakness name. */
  security?: string;
  /** CVE and GHSA ids named, upper-cased, in order of appearance. */
  ids: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher of the weakness names, as whole words. */
export function weaknessPattern(words: readonly string[]): RegExp | undefined {
  return words.length > 0 ? new RegExp(`(^|[^\\w-])(${words.map(escape).join('|')})($|[^\\w-])`, 'i') : undefined;
}

const DEFAULT_WEAKNESSES = weaknessPattern(WEAKNESS_WORDS);

/** What a subject (and body) says: `body` counts for advisory ids, the security words and trailers, not for weakness names. */
export function marksOf(subject: string, body = '', weaknesses: RegExp | undefined = DEFAULT_WEAKNESSES): MessageMarks {
  const text = `${subject}\n${body}`;
  // CVE-2025-1234 in capitals; GHSA-frvp-7c67-39w9 as GitHub writes it.
  const ids = [
    ...new Set(
      [...text.matchAll(ADVISORY_ID)].map((m) => (/^ghsa/i.test(m[0]) ? `GHSA${m[0].slice(4).toLowerCase()}` : m[0].toUpperCase())),
    ),
  ];
  const marks: MessageMarks = { ids };
  const fix = FIX_SUBJECT.exec(subject)?.[0].trim() ?? (REVERT.test(subject) ? 'revert' : FIX_TRAILER.exec(text)?.[0]);
  if (fix) marks.fix = fix;
  const words = !NOT_A_FIX.test(subject);
  const security =
    ids[0] ?? (words ? (securityWord(subject, false) ?? securityWord(body, true) ?? weaknesses?.exec(subject)?.[2]) : undefined);
  if (security) marks.security = security;
  return marks;
}

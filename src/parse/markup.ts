// The logic of an HTML page or template: what stays when markup and static text are taken away.
// Two versions with the same logic differ in markup only, which rolls back cleanly.

const TEMPLATE_TAGS = /\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|<%[\s\S]*?%>/g;
const TEMPLATE_COMMENT = /^(\{\{!|\{#|<%#)/;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const SCRIPT_BLOCK = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
// Inline handlers and framework bindings (Angular, Vue, Alpine, htmx): attributes that run code.
const LOGIC_ATTRIBUTE =
  /\s((?:on[a-z]+|\*[\w.-]+|\([\w.-]+\)|\[[\w.-]+\]|\[\([\w.-]+\)\]|v-[\w:.-]+|@[\w:.-]+|:[\w.-]+|x-[\w:.-]+|hx-[\w-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))/gi;
const JS_URL = /\bjavascript:[^"'\s>]*/gi;

const squeeze = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/(\{\{\{?|\{%-?|<%[=-]?)\s+/g, '$1')
    .replace(/\s+(-?%\}|\}\}\}?|-?%>)/g, '$1')
    .trim();

/** Logic tokens in document order; markup, static text and comments are left out. */
export function templateLogic(text: string, kind: 'html' | 'template'): string[] {
  const tokens: string[] = [];
  const source = text.replace(HTML_COMMENT, '');
  const scanned =
    kind === 'html'
      ? source.replace(SCRIPT_BLOCK, (block) => {
          tokens.push(`script:${squeeze(block)}`);
          return '';
        })
      : source;
  const all: [number, string][] = [];
  for (const m of scanned.matchAll(TEMPLATE_TAGS)) if (!TEMPLATE_COMMENT.test(m[0])) all.push([m.index, squeeze(m[0])]);
  for (const m of scanned.matchAll(LOGIC_ATTRIBUTE)) all.push([m.index, `attr:${squeeze(m[1]!)}`]);
  for (const m of scanned.matchAll(JS_URL)) all.push([m.index, `url:${m[0]}`]);
  all.sort((a, b) => a[0] - b[0]);
  return [...tokens, ...all.map(([, token]) => token)];
}

const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The logic of a single-file component (Vue, Svelte, Astro): its script blocks (and Astro's frontmatter), the
 * bindings and expressions of its template; style blocks, markup and static text are left out.
 */
export function componentLogic(text: string): string[] {
  const source = text.replace(HTML_COMMENT, '').replace(STYLE_BLOCK, '');
  const front = FRONTMATTER.exec(source);
  const rest = front ? source.slice(front[0].length) : source;
  const tokens = front ? [`script:${squeeze(front[1]!)}`] : [];
  tokens.push(...templateLogic(rest, 'html'));
  // Svelte and Astro write expressions in single braces: `{count}`, `{#if open}`.
  const markup = rest.replace(SCRIPT_BLOCK, '').replace(/\{\{[\s\S]*?\}\}/g, '');
  for (const m of markup.matchAll(/\{[^{}]+\}/g)) tokens.push(`expr:${squeeze(m[0])}`);
  return tokens;
}

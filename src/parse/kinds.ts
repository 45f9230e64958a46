// What kind of file a path is, by its name alone. Shared by analyzers that pick their files.

const lower = (path: string) => path.toLowerCase();
// Called for every changed file by every analyzer: no splitting of the whole path.
const base = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();
const ext = (path: string) => {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : '';
};

const SCRIPT_EXTENSIONS = new Set(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs']);
const DOC_EXTENSIONS = new Set(['md', 'mdx', 'markdown', 'rst', 'adoc', 'txt']);
const DOC_NAMES = new Set(['license', 'licence', 'notice', 'authors', 'contributors', 'changelog', 'codeowners']);
const ASSET_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico', 'bmp', 'tiff', 'svg',
  'woff', 'woff2', 'ttf', 'otf', 'eot',
  'mp3', 'mp4', 'webm', 'ogg', 'wav',
]);
const STYLE_EXTENSIONS = new Set(['css', 'scss', 'sass', 'less', 'styl', 'pcss']);

export function isScript(path: string): boolean {
  return SCRIPT_EXTENSIONS.has(ext(path));
}

export function isDeclarationFile(path: string): boolean {
  return /\.d\.[mc]?ts$/i.test(path);
}

export function isDoc(path: string): boolean {
  const p = lower(path);
  return DOC_EXTENSIONS.has(ext(path)) || DOC_NAMES.has(base(path).replace(/\.[^.]*$/, '')) || /(^|\/)docs?\//.test(p);
}

export function isTest(path: string): boolean {
  const p = lower(path);
  return (
    /(^|\/)(__tests__|__mocks__|tests?|spec|e2e|cypress|playwright)\//.test(p) ||
    /\.(test|spec|e2e)\.[a-z]+$/.test(p) ||
    /(^|\/)__snapshots__\//.test(p)
  );
}

export function isAsset(path: string): boolean {
  return ASSET_EXTENSIONS.has(ext(path));
}

export function isStylesheet(path: string): boolean {
  return STYLE_EXTENSIONS.has(ext(path));
}

export function extension(path: string): string {
  return ext(path);
}

export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

const MARKUP_EXTENSIONS = new Set(['html', 'htm', 'xhtml']);
const TEMPLATE_EXTENSIONS = new Set(['hbs', 'handlebars', 'mustache', 'ejs', 'erb', 'njk', 'nunjucks', 'j2', 'jinja', 'jinja2', 'liquid', 'twig']);
const JSX_EXTENSIONS = new Set(['tsx', 'jsx', 'js', 'mjs', 'cjs']);
const TOOLING_NAMES = new Set([
  '.gitignore', '.gitattributes', '.editorconfig', '.prettierignore', '.eslintignore', '.stylelintignore',
  '.mailmap', '.markdownlint.json', '.markdownlint.yaml', '.markdownlintrc', '.npmignore',
]);
const TOOLING_PREFIXES = ['.prettierrc', 'prettier.config.', '.eslintrc', 'eslint.config.', '.stylelintrc', 'stylelint.config.', 'biome.json', '.commitlintrc', 'commitlint.config.', '.lintstagedrc', 'lint-staged.config.'];

/** HTML pages and fragments. */
export function isMarkup(path: string): boolean {
  return MARKUP_EXTENSIONS.has(ext(path));
}

/** Server-side or client-side templates whose logic lives in tags (`{{ }}`, `{% %}`, `<% %>`). */
export function isTemplate(path: string): boolean {
  return TEMPLATE_EXTENSIONS.has(ext(path));
}

/** Scripts that may hold JSX. */
export function mayHoldJsx(path: string): boolean {
  return JSX_EXTENSIONS.has(ext(path));
}

export function isJson(path: string): boolean {
  return ext(path) === 'json';
}

export function isYaml(path: string): boolean {
  return ext(path) === 'yaml' || ext(path) === 'yml';
}

/** Editor, formatter, linter and git housekeeping: nothing that ships or runs in production. */
export function isDevTooling(path: string): boolean {
  const name = base(path);
  return TOOLING_NAMES.has(name) || TOOLING_PREFIXES.some((prefix) => name.startsWith(prefix)) || /(^|\/)\.(vscode|idea|husky)\//.test(lower(path));
}

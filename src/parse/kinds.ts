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
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'avif',
  'ico',
  'bmp',
  'tiff',
  'svg',
  'woff',
  'woff2',
  'ttf',
  'otf',
  'eot',
  'mp3',
  'mp4',
  'webm',
  'ogg',
  'wav',
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

/** CI configuration and the code it runs: workflows, a repository's own actions, pipelines of other CI services. */
const CI_PATHS = [
  /^\.github\/(workflows|actions)\//,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /^\.gitlab\/ci\//,
  /^\.circleci\//,
  /^\.buildkite\//,
  /(^|\/)Jenkinsfile$/,
  /(^|\/)azure-pipelines\.ya?ml$/,
  /(^|\/)bitbucket-pipelines\.ya?ml$/,
  /(^|\/)\.travis\.ya?ml$/,
  /(^|\/)\.drone\.ya?ml$/,
  /(^|\/)cloudbuild\.ya?ml$/,
];

/** A CI file: it runs in the CI service, never in the application a rollback deploys. */
export function isCi(path: string): boolean {
  return CI_PATHS.some((re) => re.test(path));
}

/** CI files, and anything else in `.github/` (templates, bots' settings, scripts and packages of the repository's own actions). */
export function isForgeOrCi(path: string): boolean {
  return path.startsWith('.github/') || isCi(path);
}

export function isTest(path: string): boolean {
  const p = lower(path);
  return (
    /(^|\/)(__tests__|__mocks__|tests?|spec|e2e|cypress|playwright)\//.test(p) ||
    // A suite in a package or folder of its own: `packages/integration-tests/`, `e2e-tests/`, `functional_tests/`.
    /(^|\/)(integration|e2e|functional|acceptance|api)[-_]tests?\//.test(p) ||
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
const TEMPLATE_EXTENSIONS = new Set([
  'hbs',
  'handlebars',
  'mustache',
  'ejs',
  'erb',
  'njk',
  'nunjucks',
  'j2',
  'jinja',
  'jinja2',
  'liquid',
  'twig',
]);
const JSX_EXTENSIONS = new Set(['tsx', 'jsx', 'js', 'mjs', 'cjs']);
const TOOLING_NAMES = new Set([
  '.gitignore',
  '.gitattributes',
  '.editorconfig',
  '.prettierignore',
  '.eslintignore',
  '.stylelintignore',
  '.mailmap',
  '.markdownlint.json',
  '.markdownlint.yaml',
  '.markdownlintrc',
  '.npmignore',
]);
const TOOLING_PREFIXES = [
  '.prettierrc',
  'prettier.config.',
  '.eslintrc',
  'eslint.config.',
  '.stylelintrc',
  'stylelint.config.',
  'biome.json',
  '.commitlintrc',
  'commitlint.config.',
  '.lintstagedrc',
  'lint-staged.config.',
];

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

/** Editor, formatter, linter, git and repository-hosting housekeeping: nothing that ships or runs in production. */
export function isDevTooling(path: string): boolean {
  const name = base(path);
  return (
    TOOLING_NAMES.has(name) ||
    TOOLING_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
    /(^|\/)\.(vscode|idea|husky)\//.test(lower(path)) ||
    // GitHub's repository settings (templates, Dependabot, CODEOWNERS); its workflows, actions and scripts are CI.
    (path.startsWith('.github/') && !isCi(path) && !isScript(path))
  );
}

// Lockfiles and the manifest each one follows.
const LOCKFILES: Record<string, { manager: string; manifest: string }> = {
  'package-lock.json': { manager: 'npm', manifest: 'package.json' },
  'npm-shrinkwrap.json': { manager: 'npm', manifest: 'package.json' },
  'yarn.lock': { manager: 'yarn', manifest: 'package.json' },
  'pnpm-lock.yaml': { manager: 'pnpm', manifest: 'package.json' },
  'bun.lock': { manager: 'bun', manifest: 'package.json' },
  'bun.lockb': { manager: 'bun', manifest: 'package.json' },
  'Cargo.lock': { manager: 'cargo', manifest: 'Cargo.toml' },
  'poetry.lock': { manager: 'poetry', manifest: 'pyproject.toml' },
  'uv.lock': { manager: 'uv', manifest: 'pyproject.toml' },
  'Pipfile.lock': { manager: 'pipenv', manifest: 'Pipfile' },
  'Gemfile.lock': { manager: 'bundler', manifest: 'Gemfile' },
  'composer.lock': { manager: 'composer', manifest: 'composer.json' },
  'go.sum': { manager: 'go', manifest: 'go.mod' },
};

export function lockfileOf(path: string): { manager: string; manifest: string } | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return Object.hasOwn(LOCKFILES, name) ? LOCKFILES[name] : undefined;
}

const TRANSLATION_DIR = /(^|\/)(locales?|i18n|l10n|lang|langs|languages|messages|translations?|intl)\//i;
const TRANSLATION_EXTENSIONS = new Set(['json', 'yaml', 'yml', 'po', 'pot']);

/** A translation catalogue: JSON, YAML or gettext PO under a locales, i18n, lang, messages or translations folder. */
export function isTranslation(path: string): boolean {
  return TRANSLATION_EXTENSIONS.has(ext(path)) && TRANSLATION_DIR.test(path);
}

/** Jest, Vitest and other snapshot files. */
export function isSnapshot(path: string): boolean {
  return /(^|\/)__snapshots__\//.test(path) || ext(path) === 'snap';
}

// `dist/` holds build output committed beside its source (GitHub Actions bundles, vendored builds).
const GENERATED_PATH =
  /(^|\/)(__generated__|generated|\.generated|dist|dist-js)\/|\.(generated|gen)\.[a-z]+$|\.min\.(js|css)$|\.(js|css)\.map$|\.d\.ts\.map$|_pb2?\.(js|ts|py)$|\.pb\.go$/i;
// Headers code generators write: Go's standard line, `@generated` (Facebook, Prisma, GraphQL Codegen), "do not edit".
const GENERATED_HEADER =
  /@generated\b|^\/\/ Code generated .* DO NOT EDIT\.$|\b(auto-?generated|do not edit|this file (is|was) (automatically )?generated)\b/im;

/** A generated file: by its path, or by the header its generator wrote in its first lines. */
export function isGenerated(path: string, text?: string): boolean {
  if (GENERATED_PATH.test(path)) return true;
  return text !== undefined && GENERATED_HEADER.test(text.slice(0, 600));
}

/** Why a changed file is left out of what a person must read, or undefined when it counts. */
export function readingExclusion(path: string, text?: string): 'lockfile' | 'generated' | 'snapshot' | 'translation' | undefined {
  if (lockfileOf(path)) return 'lockfile';
  if (isSnapshot(path)) return 'snapshot';
  if (isTranslation(path)) return 'translation';
  if (isGenerated(path, text)) return 'generated';
  return undefined;
}

const COMPONENT_EXTENSIONS = new Set(['vue', 'svelte', 'astro']);

/** Single-file components: markup, script and style blocks in one file (Vue, Svelte, Astro). */
export function isComponentFile(path: string): boolean {
  return COMPONENT_EXTENSIONS.has(ext(path));
}

/** A container build file: `Dockerfile`, `Containerfile`, `Dockerfile.web`, `api.dockerfile`. */
export function isDockerfile(path: string): boolean {
  const name = base(path);
  return name === 'dockerfile' || name === 'containerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile');
}

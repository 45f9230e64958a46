// What kind of file a path is, by its name alone. Shared by analyzers that pick their files.

const lower = (path: string) => path.toLowerCase();
const base = (path: string) => lower(path).split('/').pop() ?? '';
const ext = (path: string) => {
  const name = base(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
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

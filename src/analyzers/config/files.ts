import { isDeepStrictEqual } from 'node:util';
import { isDevTooling } from '../../parse/kinds.js';
import { parseStructured } from '../../parse/structured.js';

// Which config files a release can change, and their keys (never their values: they may be secrets).

const EXAMPLE_NAMES = /^(\.env\.(example|sample|template|dist)|(example|sample)\.env|env\.(example|sample))$/i;
const DOTENV = /^\.env(\.[\w.-]+)?$/i;
const FLAG_FILE = /(^|[._-])(feature[-_]?flags?|flags|features|toggles|feature[-_]?toggles)\.(json|ya?ml|toml)$/i;
const FLAG_DIR = /(^|\/)(feature[-_]?flags|flags|toggles)\/[^/]+\.(json|ya?ml|toml)$/i;
const CONFIG_DIR = /(^|\/)(config|configs|conf|settings)\/(.+\/)?[^/]+\.(json|ya?ml|toml|ini|properties|conf)$/i;
const CONFIG_NAME =
  /^(appsettings([.\w-]*)\.json|application([.\w-]*)\.(ya?ml|properties)|(app[-_.])?config\.(json|ya?ml|toml)|settings\.(json|ya?ml|toml))$/i;

const baseName = (path: string) => path.split('/').pop() ?? path;

export function isEnvExample(path: string): boolean {
  return EXAMPLE_NAMES.test(baseName(path));
}

export function configKindOf(path: string): 'feature-flags' | 'app-config' | 'dotenv' | undefined {
  const name = baseName(path);
  // An editor's or linter's settings (`.vscode/settings.json`) configure the tools, not the app: the files
  // analyzer calls them dev tooling.
  if (isEnvExample(path) || isDevTooling(path)) return undefined;
  if (DOTENV.test(name)) return 'dotenv';
  if (FLAG_FILE.test(name) || FLAG_DIR.test(path)) return 'feature-flags';
  if (CONFIG_DIR.test(path) || CONFIG_NAME.test(name)) return 'app-config';
  return undefined;
}

/** `KEY=value` lines of a dotenv file, with their line numbers. */
export function dotenvKeys(text: string): Map<string, { line: number; value: string }> {
  const keys = new Map<string, { line: number; value: string }>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/.exec(raw);
    if (m && !keys.has(m[1]!)) keys.set(m[1]!, { line: i + 1, value: m[2]!.trim() });
  });
  return keys;
}

/** `section.key` lines of an INI, TOML, properties or conf file. */
function lineKeys(text: string): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('!')) continue;
    const header = /^\[+([^\]]+)\]+$/.exec(line);
    if (header) {
      section = `${header[1]!.trim()}.`;
      continue;
    }
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (m) keys.set(`${section}${m[1]!.replace(/^["']|["']$/g, '')}`, m[2]);
  }
  return keys;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix || '(root)', value);
}

/** Leaf keys of a config text (dotted paths), or undefined when it does not parse. */
export function configKeys(path: string, text: string): Map<string, unknown> | undefined {
  if (/\.(json|ya?ml)$/i.test(path)) {
    const docs = parseStructured(path, text);
    if (!docs) return undefined;
    const out = new Map<string, unknown>();
    docs.forEach((doc, i) => flatten(doc, docs.length > 1 ? `[${i}]` : '', out));
    return out;
  }
  if (DOTENV.test(baseName(path))) return new Map([...dotenvKeys(text)].map(([k, v]) => [k, v.value]));
  return lineKeys(text);
}

/** Keys the rollback brings back (at `to` only), drops (at `from` only) and changes. */
export function compareKeys(
  from: Map<string, unknown>,
  to: Map<string, unknown>,
): { restored: string[]; dropped: string[]; changed: string[] } {
  const restored = [...to.keys()].filter((k) => !from.has(k)).sort();
  const dropped = [...from.keys()].filter((k) => !to.has(k)).sort();
  const changed = [...to.keys()].filter((k) => from.has(k) && !isDeepStrictEqual(from.get(k), to.get(k))).sort();
  return { restored, dropped, changed };
}

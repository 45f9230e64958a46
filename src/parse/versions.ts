// A release bump: two texts that differ only in version numbers (`version = "26.3.0"` → `"26.3.1"`), whatever
// the format — a manifest (Cargo.toml, tauri.conf.json, app.json, pubspec.yaml, lerna.json) or a constant in code.

// 1.2.3, 1.2.3-beta.1, 1.2.3+4, 2026.3.1, and a build number after a manifest's version key.
const VERSION = /\bv?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?\b/g;
const BUILD_NUMBER = /("?(?:versionCode|buildNumber|build_number|version_code)"?\s*[:=]\s*"?)\d+/gi;
// A line that names what it versions: `"version": …`, `appVersion:`, `Version = …`, `bundle_version: …`. A
// dependency line (`serde = "1.0.2"`, `"react": "19.0.0"`) names a package instead: not a release bump.
const NAMES_A_VERSION = /version|build/i;

function masked(line: string): string {
  return line.replace(VERSION, '<version>').replace(BUILD_NUMBER, '$1<build>');
}

/**
 * The version numbers that changed, when the two texts differ only in version numbers on the same lines (same
 * line count, every differing line equal once its versions are masked); undefined otherwise.
 */
export function versionOnlyChange(from: string, to: string): { from: string; to: string; lines: number } | undefined {
  if (from === to) return undefined;
  const a = from.split('\n');
  const b = to.split('\n');
  if (a.length !== b.length) return undefined;
  let lines = 0;
  let first: { from: string; to: string } | undefined;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (masked(a[i]!) !== masked(b[i]!) || !NAMES_A_VERSION.test(a[i]!)) return undefined;
    lines++;
    first ??= { from: (a[i]!.match(VERSION) ?? [a[i]!.trim()])[0]!, to: (b[i]!.match(VERSION) ?? [b[i]!.trim()])[0]! };
  }
  return first ? { ...first, lines } : undefined;
}

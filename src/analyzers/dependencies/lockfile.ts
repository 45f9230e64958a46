import semver from 'semver';

/** Resolved package versions of an npm lockfile (v2/v3 `packages`, v1 `dependencies`). */
function npmVersions(text: string): Map<string, string> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const versions = new Map<string, string>();
  const lock = json as { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
  if (lock.packages && typeof lock.packages === 'object') {
    for (const [key, entry] of Object.entries(lock.packages)) {
      if (key === '' || typeof entry?.version !== 'string') continue;
      versions.set(key.replace(/^node_modules\//, '').replace(/\/node_modules\//g, ' > '), entry.version);
    }
  } else if (lock.dependencies && typeof lock.dependencies === 'object') {
    for (const [name, entry] of Object.entries(lock.dependencies))
      if (typeof entry?.version === 'string') versions.set(name, entry.version);
  }
  return versions;
}

/** Packages an npm lockfile resolves to an older version at `to` than at `from`. */
export function npmDowngrades(from: string, to: string): { name: string; from: string; to: string }[] | undefined {
  const a = npmVersions(from);
  const b = npmVersions(to);
  if (!a || !b) return undefined;
  const out: { name: string; from: string; to: string }[] = [];
  for (const [name, version] of a) {
    const older = b.get(name);
    if (older && semver.valid(version) && semver.valid(older) && semver.lt(older, version)) out.push({ name, from: version, to: older });
  }
  return out.sort((x, y) => (x.name < y.name ? -1 : 1));
}

/** Every resolved version of each package in a yarn (classic or berry) or pnpm lockfile, read line by line. */
export function lockVersions(manager: 'yarn' | 'pnpm', text: string, valid = validVersions()): Map<string, Set<string>> {
  const versions = new Map<string, Set<string>>();
  const add = (name: string, version: string) => {
    if (!valid(version)) return;
    const set = versions.get(name) ?? new Set<string>();
    set.add(version);
    versions.set(name, set);
  };
  const lines = text.split('\n');
  if (manager === 'yarn') {
    // `"hono@^4.12.0", "hono@npm:^4.12.1":` then `  version "4.12.23"` (classic) or `  version: 4.12.23` (berry).
    let current: string | undefined;
    for (const line of lines) {
      if (line !== '' && !line.startsWith(' ') && !line.startsWith('#') && line.trimEnd().endsWith(':')) {
        const first = line.replace(/^"/, '').split(/[",]/)[0]!.trim();
        const at = first.indexOf('@', 1);
        current = at > 0 ? first.slice(0, at) : undefined;
        continue;
      }
      const version = /^ {2}version:? "?([^"\s]+)"?\s*$/.exec(line)?.[1];
      if (current && version) {
        add(current, version);
        current = undefined;
      }
    }
  } else {
    // `  /hono@4.12.23:` (v6), `  hono@4.12.23:` or `  '@scope/x@1.0.0(react@19.0.0)':` (v9), `  /hono/4.12.23:` (v5).
    const key = /^ {2}'?\/?((?:@[^/@\s']+\/)?[^@/\s'(]+)[@/](\d+\.\d+\.\d+[^:'(\s]*)/;
    for (const line of lines) {
      const m = key.exec(line);
      if (m) add(m[1]!, m[2]!);
    }
  }
  return versions;
}

/**
 * `semver.valid` remembered by version: a lockfile names the same versions on many lines and at both sides, and
 * parsing one is most of the cost of reading a lockfile.
 */
function validVersions(): (version: string) => boolean {
  const known = new Map<string, boolean>();
  return (version) => {
    let valid = known.get(version);
    if (valid === undefined) known.set(version, (valid = semver.valid(version) !== null));
    return valid;
  };
}

const newest = (set: Set<string>) => [...set].sort(semver.rcompare)[0]!;

const sameVersions = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((v) => b.has(v));

/** Packages a yarn or pnpm lockfile resolves to an older newest version at `to` than at `from`. */
export function lockDowngrades(manager: 'yarn' | 'pnpm', from: string, to: string): { name: string; from: string; to: string }[] {
  const valid = validVersions();
  const a = lockVersions(manager, from, valid);
  const b = lockVersions(manager, to, valid);
  const out: { name: string; from: string; to: string }[] = [];
  for (const [name, versions] of a) {
    const older = b.get(name);
    // The same versions at both sides (most packages of a release): the same newest, nothing to compare.
    if (!older || sameVersions(versions, older)) continue;
    const [was, now] = [newest(versions), newest(older)];
    if (semver.lt(now, was)) out.push({ name, from: was, to: now });
  }
  return out.sort((x, y) => (x.name < y.name ? -1 : 1));
}

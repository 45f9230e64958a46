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
    for (const [name, entry] of Object.entries(lock.dependencies)) if (typeof entry?.version === 'string') versions.set(name, entry.version);
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

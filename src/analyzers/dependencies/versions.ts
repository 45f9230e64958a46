import semver from 'semver';
import type { VersionMove } from '../../model/facts/dependencies.js';

const NODE_CODENAMES: Record<string, string> = { fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24' };

/** The lowest version a spec allows: `^4.18.2` → 4.18.2, `>=20` → 20.0.0, `v20` → 20.0.0, `lts/iron` → 20.0.0. */
export function lowestVersion(spec: string): semver.SemVer | undefined {
  const trimmed = spec.trim();
  const codename = /^lts\/([a-z]+)$/i.exec(trimmed)?.[1]?.toLowerCase();
  if (codename && NODE_CODENAMES[codename]) return semver.coerce(NODE_CODENAMES[codename]) ?? undefined;
  if (semver.validRange(trimmed, { loose: true }) && !/^[*x]?$/i.test(trimmed) && trimmed !== 'latest') {
    try {
      const min = semver.minVersion(trimmed, { loose: true });
      if (min && !(min.major === 0 && min.minor === 0 && min.patch === 0 && !/\b0\b/.test(trimmed))) return min;
    } catch {
      // not a range after all
    }
  }
  // Image tags and version files: `20-alpine`, `3.12-slim`, `22.04`.
  if (/^v?\d/.test(trimmed)) return semver.coerce(trimmed) ?? undefined;
  return undefined;
}

/** How a version moves from the running spec (`from`) to the target spec (`to`). */
export function moveOf(from: string | undefined, to: string | undefined): VersionMove | undefined {
  if (from === to) return undefined;
  if (from === undefined) return { rollback: 'restores', to };
  if (to === undefined) return { rollback: 'removes', from };
  const a = lowestVersion(from);
  const b = lowestVersion(to);
  if (!a || !b) return { rollback: 'changes', from, to };
  const order = semver.compare(b, a);
  if (order === 0) return { rollback: 'changes', from, to };
  const diff = semver.diff(a, b);
  const level =
    diff === 'major' || diff === 'premajor'
      ? 'major'
      : diff === 'minor' || diff === 'preminor'
        ? 'minor'
        : diff === 'patch' || diff === 'prepatch'
          ? 'patch'
          : 'prerelease';
  return { rollback: order < 0 ? 'downgrade' : 'upgrade', level, from, to };
}

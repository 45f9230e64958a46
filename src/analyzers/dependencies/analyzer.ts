import { pathAt, type Analyzer, type Release } from '../analyzer.js';
import type { Fact } from '../../model/facts.js';
import type { ChangedFile, Side } from '../../model/report.js';
import { lockDowngrades, npmDowngrades } from './lockfile.js';
import { isDockerfile, isForgeOrCi, lockfileOf } from '../../parse/kinds.js';
import { versionOnlyChange } from '../../parse/versions.js';
import { manifestMoves } from './manifest.js';
import { dockerfileMoves, isToolVersions, toolVersionsMoves, versionFileMoves, versionFileRuntime } from './runtime.js';
import { append } from '../../util/arrays.js';

const base = (path: string) => path.split('/').pop() ?? path;
const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');

/**
 * Whether a package.json in one of `dirs` (each with its trailing slash, '' for the root) is resolved by the lockfile
 * in `lockDir`: its own folder's, or, in a workspace, a member's below it with no lockfile of its own on the way.
 */
async function someResolvedBy(release: Release, lockDir: string, dirs: ReadonlySet<string>): Promise<boolean> {
  for (const dir of dirs) {
    if (!dir.startsWith(lockDir)) continue;
    let own = false;
    for (let d = dir; d.length > lockDir.length && !own; d = dirOf(d.slice(0, -1))) {
      own = [...(await release.listFolder('from', d.slice(0, -1)))].some((name) => lockfileOf(name) !== undefined);
    }
    if (!own) return true;
  }
  return false;
}
const isManifest = (path: string) => base(path) === 'package.json' && !/(^|\/)node_modules\//.test(path);
/** A starter or example project kept beside the app (`templates/blank/`, `examples/auth/`): not what the rollback deploys. */
export const isSampleProject = (path: string) => /^(templates?|examples?|starters?|boilerplates?)\/[^/]+\//.test(path);

/**
 * What a rollback does to dependencies and the runtime: package.json dependencies and engines,
 * lockfiles, version files (.nvmrc, .node-version, .tool-versions…) and Dockerfile base images.
 */
export const dependenciesAnalyzer: Analyzer = {
  name: 'dependencies',
  async analyze(release: Release): Promise<Fact[]> {
    const facts: Fact[] = [];
    const manifestsWithDependencyChanges = new Set<string>();
    const textAt = (file: ChangedFile, side: Side): string | undefined =>
      (side === 'from' ? file.fromBlob : file.toBlob) === undefined ? undefined : release.content(file, side).text;
    const unreadable = (file: ChangedFile) =>
      (file.fromBlob !== undefined && textAt(file, 'from') === undefined) ||
      (file.toBlob !== undefined && textAt(file, 'to') === undefined);
    const classify = (file: ChangedFile, moved: boolean, label: string) =>
      facts.push({
        kind: 'file.classified',
        path: file.path,
        category: moved ? 'dependency-change' : 'config-change',
        reason: moved ? label : `${label}: no dependency or runtime change`,
      });

    for (const file of release.files) {
      const path = file.path;
      // Unreadable content is the files analyzer's to report.
      if (unreadable(file) && !lockfileOf(path)) continue;
      if (isForgeOrCi(path) && (isManifest(path) || lockfileOf(path))) {
        facts.push({
          kind: 'file.classified',
          path,
          category: 'infrastructure-change',
          reason: "dependencies of the repository's own CI actions or tooling (.github/): they run in the CI service, not in the app",
        });
        continue;
      }
      if (isSampleProject(path) && (isManifest(path) || lockfileOf(path))) {
        facts.push({
          kind: 'file.classified',
          path,
          category: 'docs',
          reason: 'dependencies of a starter or example project (templates/, examples/): not part of what the rollback deploys',
        });
        continue;
      }
      if (isManifest(path)) {
        const parse = (side: Side) => {
          const text = textAt(file, side);
          if (text === undefined) return { json: {}, text };
          try {
            const json = JSON.parse(text) as unknown;
            return json && typeof json === 'object' && !Array.isArray(json) ? { json: json as Record<string, unknown>, text } : undefined;
          } catch {
            return undefined;
          }
        };
        const from = parse('from');
        const to = parse('to');
        if (!from || !to) {
          facts.push({ kind: 'file.unreadable', path, reason: 'package.json is not valid JSON at one side' });
          continue;
        }
        const moves = manifestMoves(path, from, to);
        if (moves.some((m) => m.kind === 'dependency.changed')) manifestsWithDependencyChanges.add(dirOf(path));
        append(facts, moves);
        const bump =
          moves.length === 0 && from.text !== undefined && to.text !== undefined ? versionOnlyChange(from.text, to.text) : undefined;
        if (bump)
          facts.push({
            kind: 'file.classified',
            path,
            category: 'version-bump',
            reason: `package manifest: version ${bump.from} running, ${bump.to} at the target`,
          });
        else classify(file, moves.length > 0, 'package manifest');
      } else if (versionFileRuntime(path)) {
        const moves = versionFileMoves(path, versionFileRuntime(path)!, textAt(file, 'from'), textAt(file, 'to'));
        append(facts, moves);
        classify(file, moves.length > 0, 'runtime version file');
      } else if (isToolVersions(path)) {
        const moves = toolVersionsMoves(path, textAt(file, 'from'), textAt(file, 'to'));
        append(facts, moves);
        classify(file, moves.length > 0, 'runtime version file');
      } else if (isDockerfile(path)) {
        // The infrastructure analyzer files the container build itself; here only its base images count.
        const moves = dockerfileMoves(path, textAt(file, 'from'), textAt(file, 'to'));
        append(facts, moves);
        if (moves.length > 0) classify(file, true, 'container build file (base image)');
      }
    }

    const changedPaths = new Set(release.files.flatMap((f) => [f.path, pathAt(f, 'to')]));
    for (const file of release.files) {
      const lock = lockfileOf(file.path);
      if (!lock || isSampleProject(file.path) || isForgeOrCi(file.path)) continue;
      const manifest = dirOf(file.path) + lock.manifest;
      const manifestChanged =
        lock.manifest === 'package.json'
          ? await someResolvedBy(release, dirOf(file.path), manifestsWithDependencyChanges)
          : changedPaths.has(manifest);
      const from = textAt(file, 'from');
      const to = textAt(file, 'to');
      const downgraded =
        from === undefined || to === undefined
          ? undefined
          : lock.manager === 'npm'
            ? npmDowngrades(from, to)
            : lock.manager === 'yarn' || lock.manager === 'pnpm'
              ? lockDowngrades(lock.manager, from, to)
              : undefined;
      facts.push({
        kind: 'lockfile.changed',
        path: file.path,
        manager: lock.manager,
        manifestChanged,
        ...(downgraded ? { downgraded } : {}),
      });
      if (!unreadable(file))
        facts.push({ kind: 'file.classified', path: file.path, category: 'dependency-change', reason: `${lock.manager} lockfile` });
    }
    return facts;
  },
};

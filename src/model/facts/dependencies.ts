/** How a version moves when the release is rolled back (from → to). */
export interface VersionMove {
  /** `removes`: present at `from` only; `restores`: present at `to` only; `changes`: versions not comparable. */
  rollback: 'downgrade' | 'upgrade' | 'removes' | 'restores' | 'changes';
  level?: 'major' | 'minor' | 'patch' | 'prerelease';
  /** Version spec at `from` (running now). */
  from?: string;
  /** Version spec at `to` (the target). */
  to?: string;
}

/** A dependency in a package manifest that the rollback moves. */
export interface DependencyChangedFact extends VersionMove {
  kind: 'dependency.changed';
  path: string;
  line?: number;
  name: string;
  /**
   * `overrides`: a version the manifest pins anywhere in the dependency tree (npm's `overrides`, Yarn's
   * `resolutions`, pnpm's `pnpm.overrides`), most often to take a transitive package past a vulnerability.
   */
  section: 'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies' | 'overrides';
  /** A `workspace:` dependency: a package of the same repository, which rolls back with it. */
  workspace?: boolean;
  /** An override's key as the manifest writes it: `axios@<1.15.0`, `a>b`, `lodash`. */
  selector?: string;
  /**
   * The versions an override lifts the package out of, when its selector names them (`<1.15.0`): the form
   * `pnpm audit --fix` writes to take a package past a vulnerability.
   */
  lifts?: string;
}

/** A runtime the rollback moves: engines, version files, container base images. */
export interface RuntimeChangedFact extends VersionMove {
  kind: 'runtime.changed';
  path: string;
  line?: number;
  /** `node`, `npm`, `python`, a base image such as `node` or `ghcr.io/acme/base`… */
  runtime: string;
  source: 'engines' | 'packageManager' | 'version-file' | 'tool-versions' | 'dockerfile';
}

/** A lockfile the release changed. */
export interface LockfileChangedFact {
  kind: 'lockfile.changed';
  path: string;
  manager: string;
  /** Whether the manifest beside it changed its dependencies in the same release. */
  manifestChanged: boolean;
  /** Packages the rollback resolves to an older version (when the lockfile format is read). */
  downgraded?: { name: string; from: string; to: string }[];
}

export type DependencyFact = DependencyChangedFact | RuntimeChangedFact | LockfileChangedFact;

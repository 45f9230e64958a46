import { globMatcher } from '../util/glob.js';
import { workspaceGlobs } from '../parse/workspaces.js';

/** What a starter config can say about a repository, from its file list and a few files. */
export interface Detected {
  migrations: { dir: string; files: number }[];
  specs: string[];
  workspaces: string[];
  packages: string[];
  platform?: { id: string; because: string };
}

const MIGRATION_DIR = /^(.*?(?:^|\/)(?:migrations?|migrate|flyway|liquibase|alembic\/versions))\//i;
const MIGRATION_FILE = /\.(sql|py|rb|ts|js|xml|ya?ml)$/i;
const SPEC_FILE = /(^|\/)((openapi|swagger)[^/]*\.(ya?ml|json)|[^/]+\.(openapi|swagger)\.(ya?ml|json)|[^/]+\.(graphql|gql)|[^/]+\.proto)$/i;
const SKIP = /(^|\/)(node_modules|vendor|dist|build|\.git)\//;

const PLATFORM_HINTS: [RegExp, string][] = [
  [/^Procfile$/, 'heroku'],
  [/^convox\.ya?ml$/, 'convox'],
  [/^\.octopus\//, 'octopus'],
  [/(^|\/)(argocd|\.argocd|flux-system)\//, 'gitops'],
  [/(^|\/)(Chart\.yaml|kustomization\.ya?ml)$/, 'kubernetes'],
];

export function detect(paths: readonly string[], read: (path: string) => string | undefined): Detected {
  const files = paths.filter((p) => !SKIP.test(p));
  const migrations = new Map<string, number>();
  const specs: string[] = [];
  let platform: Detected['platform'];
  for (const path of files) {
    const m = MIGRATION_DIR.exec(path);
    if (m && MIGRATION_FILE.test(path)) migrations.set(m[1]!, (migrations.get(m[1]!) ?? 0) + 1);
    if (SPEC_FILE.test(path)) specs.push(path);
    if (!platform) {
      const hint = PLATFORM_HINTS.find(([re]) => re.test(path));
      if (hint) platform = { id: hint[1], because: path };
    }
  }
  const workspaces = workspaceGlobs(read('package.json'), read('pnpm-workspace.yaml'));
  const positive = workspaces.filter((g) => !g.startsWith('!'));
  const isWorkspace = positive.length > 0 ? globMatcher(positive) : () => false;
  const packages = files
    .filter((p) => p.endsWith('/package.json'))
    .map((p) => p.slice(0, -'/package.json'.length))
    .filter((dir) => isWorkspace(dir))
    .sort();
  return {
    migrations: [...migrations.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([dir, n]) => ({ dir, files: n })),
    specs: specs.sort().slice(0, 20),
    workspaces,
    packages,
    ...(platform ? { platform } : {}),
  };
}

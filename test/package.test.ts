// What `npm pack` ships, and whether every dependency supports the Node versions the package declares.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/repo.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};

describe('the packed package', () => {
  // The built dist/ is there: the test command builds first.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as {
    files: { path: string }[];
  }[];
  const files = packed[0]!.files.map((f) => f.path);

  it('holds the command, the library and the rules, and the JSON report schema the docs link', () => {
    for (const file of [
      'dist/bin/main.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/rules/index.js',
      'src/report/report.schema.json',
      'README.md',
      'package.json',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('leaves out the tests, the bench, the demo and the fixture builder', () => {
    expect(
      files.filter((f) => /^dist\/(test|src\/demo|src\/testing)\//.test(f) || f.startsWith('test/') || f.startsWith('fixtures/')),
    ).toEqual([]);
  });

  it('ships the GitHub Action whole or not at all (it is used from the repository)', () => {
    expect(files.includes('action.yml')).toBe(files.includes('action/run.sh'));
  });
});

describe('Node versions', () => {
  it('every installed package, runtime or for development, supports every Node version the package declares', () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([path, meta]) => path !== '' && meta.engines && !Array.isArray(meta.engines) && meta.engines.node)
      .filter(([, meta]) => !semver.subset(pkg.engines.node, (meta.engines as { node: string }).node))
      .map(([path, meta]) => `${path}@${meta.version} needs node ${(meta.engines as { node: string }).node}`);
    expect(unsupported).toEqual([]);
  });

  it('the Node running the tests is one of them', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });
});

import rule from '../../rules/dependency-downgrade.js';
import type { DependencyChangedFact } from '../../src/model/facts/dependencies.js';
import { testRule } from '../support/rule-tester.js';

const dep = (over: Partial<DependencyChangedFact>): DependencyChangedFact => ({
  kind: 'dependency.changed',
  path: 'package.json',
  line: 8,
  name: 'pg',
  section: 'dependencies',
  rollback: 'downgrade',
  level: 'major',
  from: '^8.11.0',
  to: '^7.18.0',
  ...over,
});

testRule(rule, {
  valid: [
    {
      name: 'no dependency moved',
      facts: [{ kind: 'file.classified', path: 'package.json', category: 'config-change', reason: 'manifest' }],
    },
  ],
  invalid: [
    {
      name: 'a major downgrade',
      facts: [dep({})],
      findings: [
        { path: 'package.json', line: 8, severity: 'medium', message: 'the rollback downgrades pg from ^8.11.0 to ^7.18.0 (major)' },
      ],
    },
    {
      name: 'a minor downgrade',
      facts: [dep({ level: 'minor', from: '^4.19.2', to: '^4.18.2', name: 'cookie-parser' })],
      findings: [{ severity: 'low', message: 'the rollback downgrades cookie-parser from ^4.19.2 to ^4.18.2 (minor)' }],
    },
    {
      name: 'a framework patch downgrade is medium whatever the semver distance',
      facts: [dep({ level: 'patch', from: '15.3.6', to: '15.3.3', name: 'next', path: 'apps/web/package.json' })],
      findings: [
        {
          path: 'apps/web/package.json',
          severity: 'medium',
          message:
            'the rollback downgrades next from 15.3.6 to 15.3.3 (patch) — a framework or runtime package: its releases carry security fixes',
        },
      ],
    },
    {
      name: 'a scoped framework package by glob',
      facts: [dep({ level: 'patch', from: '11.1.13', to: '11.1.12', name: '@nestjs/core' })],
      findings: [{ severity: 'medium' }],
    },
    {
      name: 'a framework list of the team',
      facts: [dep({ level: 'patch', from: '2.0.1', to: '2.0.0', name: 'our-runtime' })],
      options: { frameworks: ['our-runtime'] },
      findings: [{ severity: 'medium' }],
    },
    {
      name: 'no framework list',
      facts: [dep({ level: 'patch', from: '15.3.6', to: '15.3.3', name: 'next' })],
      options: { frameworks: [] },
      findings: [{ severity: 'info' }],
    },
    {
      name: 'a framework in devDependencies is a tool of the build',
      facts: [dep({ level: 'patch', from: '15.3.6', to: '15.3.3', name: 'next', section: 'devDependencies' })],
      findings: [{ severity: 'info' }],
    },
    {
      name: 'a workspace package rolls back with the release',
      facts: [dep({ level: 'patch', from: '^1.40.1', to: '^1.40.0', name: '@logto/cli', workspace: true })],
      findings: [
        {
          severity: 'info',
          message:
            'the rollback downgrades @logto/cli from ^1.40.1 to ^1.40.0 (patch): a package of this repository, which rolls back with it',
        },
      ],
    },
    {
      name: 'the same move in several manifests is one finding',
      facts: [
        dep({ level: 'patch', from: '19.2.6', to: '19.2.4', name: 'react', path: 'apps/web/package.json', line: 12 }),
        dep({ level: 'patch', from: '19.2.6', to: '19.2.4', name: 'react', path: 'packages/ui/package.json', line: 20 }),
        dep({ level: 'patch', from: '19.2.6', to: '19.2.4', name: 'react', path: 'packages/emails/package.json', line: 9 }),
      ],
      findings: [
        {
          path: 'apps/web/package.json',
          line: 12,
          severity: 'medium',
          message:
            'the rollback downgrades react from 19.2.6 to 19.2.4 (patch) — a framework or runtime package: its releases carry security fixes (also in 2 other manifests)',
          evidence: 'also in packages/ui/package.json:20, packages/emails/package.json:9',
        },
      ],
    },
    { name: 'a patch downgrade', facts: [dep({ level: 'patch', from: '1.0.1', to: '1.0.0' })], findings: [{ severity: 'info' }] },
    {
      name: 'a dev dependency major downgrade',
      facts: [dep({ section: 'devDependencies', name: 'vitest' })],
      findings: [{ severity: 'low', message: 'the rollback downgrades vitest (devDependencies) from ^8.11.0 to ^7.18.0 (major)' }],
    },
    {
      name: 'removed by the rollback',
      facts: [dep({ rollback: 'removes', level: undefined, to: undefined, name: 'zod', from: '^4.0.0' })],
      findings: [{ severity: 'info', message: 'the rollback removes zod ^4.0.0 (added by the release)' }],
    },
    {
      name: 'brought back by the rollback',
      facts: [dep({ rollback: 'restores', level: undefined, from: undefined, name: 'moment', to: '^2.29.0' })],
      findings: [{ severity: 'low', message: 'the rollback brings back moment ^2.29.0 (removed by the release)' }],
    },
    {
      name: 'versions not comparable',
      facts: [dep({ rollback: 'changes', level: undefined, from: 'github:a/b#v2', to: 'latest' })],
      findings: [{ severity: 'low', message: 'the rollback moves pg from github:a/b#v2 to latest: versions not comparable' }],
    },
    {
      name: 'an upgrade',
      facts: [dep({ rollback: 'upgrade', level: 'minor', from: '^1.1.0', to: '^1.2.0' })],
      findings: [{ severity: 'info' }],
    },
  ],
});

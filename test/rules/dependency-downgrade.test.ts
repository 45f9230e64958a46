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
  valid: [{ name: 'no dependency moved', facts: [{ kind: 'file.classified', path: 'package.json', category: 'config-change', reason: 'manifest' }] }],
  invalid: [
    { name: 'a major downgrade', facts: [dep({})], findings: [{ path: 'package.json', line: 8, severity: 'medium', message: 'the rollback downgrades pg from ^8.11.0 to ^7.18.0 (major)' }] },
    { name: 'a minor downgrade', facts: [dep({ level: 'minor', from: '^4.19.2', to: '^4.18.2', name: 'express' })], findings: [{ severity: 'low', message: 'the rollback downgrades express from ^4.19.2 to ^4.18.2 (minor)' }] },
    { name: 'a patch downgrade', facts: [dep({ level: 'patch', from: '1.0.1', to: '1.0.0' })], findings: [{ severity: 'info' }] },
    { name: 'a dev dependency major downgrade', facts: [dep({ section: 'devDependencies', name: 'vitest' })], findings: [{ severity: 'low', message: 'the rollback downgrades vitest (devDependencies) from ^8.11.0 to ^7.18.0 (major)' }] },
    { name: 'removed by the rollback', facts: [dep({ rollback: 'removes', level: undefined, to: undefined, name: 'zod', from: '^4.0.0' })], findings: [{ severity: 'info', message: 'the rollback removes zod ^4.0.0 (added by the release)' }] },
    { name: 'brought back by the rollback', facts: [dep({ rollback: 'restores', level: undefined, from: undefined, name: 'moment', to: '^2.29.0' })], findings: [{ severity: 'low', message: 'the rollback brings back moment ^2.29.0 (removed by the release)' }] },
    { name: 'versions not comparable', facts: [dep({ rollback: 'changes', level: undefined, from: 'github:a/b#v2', to: 'latest' })], findings: [{ severity: 'low', message: 'the rollback moves pg from github:a/b#v2 to latest: versions not comparable' }] },
    { name: 'an upgrade', facts: [dep({ rollback: 'upgrade', level: 'minor', from: '^1.1.0', to: '^1.2.0' })], findings: [{ severity: 'info' }] },
  ],
});

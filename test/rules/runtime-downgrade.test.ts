import rule from '../../rules/runtime-downgrade.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no runtime moved', facts: [] }],
  invalid: [
    {
      name: 'node 20 back to 18 in a Dockerfile and engines',
      facts: [
        {
          kind: 'runtime.changed',
          path: 'Dockerfile',
          line: 1,
          runtime: 'node',
          source: 'dockerfile',
          rollback: 'downgrade',
          level: 'major',
          from: 'node:20-alpine',
          to: 'node:18-alpine',
        },
        {
          kind: 'runtime.changed',
          path: 'package.json',
          line: 6,
          runtime: 'node',
          source: 'engines',
          rollback: 'downgrade',
          level: 'major',
          from: '>=20',
          to: '>=18',
        },
      ],
      findings: [
        {
          path: 'Dockerfile',
          line: 1,
          severity: 'medium',
          message: 'the rollback downgrades node (base image) from node:20-alpine to node:18-alpine (major)',
        },
        { path: 'package.json', line: 6, severity: 'medium', message: 'the rollback downgrades node (engines) from >=20 to >=18 (major)' },
      ],
    },
    {
      name: 'a minor downgrade in .nvmrc is medium: any runtime downgrade is',
      facts: [
        {
          kind: 'runtime.changed',
          path: '.nvmrc',
          line: 1,
          runtime: 'node',
          source: 'version-file',
          rollback: 'downgrade',
          level: 'minor',
          from: '20.11.0',
          to: '20.9.0',
        },
      ],
      findings: [{ severity: 'medium', message: 'the rollback downgrades node (version file) from 20.11.0 to 20.9.0 (minor)' }],
    },
    {
      name: 'a pinned base image back to its floating tag',
      facts: [
        {
          kind: 'runtime.changed',
          path: 'docker/Dockerfile',
          line: 1,
          runtime: 'node',
          source: 'dockerfile',
          rollback: 'downgrade',
          level: 'minor',
          from: 'node:24.18.1-slim',
          to: 'node:24-slim',
        },
      ],
      findings: [
        { severity: 'medium', message: 'the rollback downgrades node (base image) from node:24.18.1-slim to node:24-slim (minor)' },
      ],
    },
    {
      name: 'another base image',
      facts: [
        {
          kind: 'runtime.changed',
          path: 'Dockerfile',
          line: 3,
          runtime: 'node',
          source: 'dockerfile',
          rollback: 'changes',
          from: 'node:20-slim',
          to: 'node:20-alpine',
        },
      ],
      findings: [{ severity: 'low', message: 'the rollback switches node (base image) from node:20-slim to node:20-alpine' }],
    },
    {
      name: 'an upgrade is informational',
      facts: [
        {
          kind: 'runtime.changed',
          path: '.tool-versions',
          line: 2,
          runtime: 'python',
          source: 'tool-versions',
          rollback: 'upgrade',
          level: 'minor',
          from: '3.11.4',
          to: '3.12.0',
        },
      ],
      findings: [{ severity: 'info', message: 'the rollback upgrades python (.tool-versions) from 3.11.4 to 3.12.0' }],
    },
  ],
});

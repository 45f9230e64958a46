import rule from '../../rules/lockfile-changed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no lockfile changed', facts: [] }],
  invalid: [
    {
      name: 'a lockfile-only change',
      facts: [
        {
          kind: 'lockfile.changed',
          path: 'package-lock.json',
          manager: 'npm',
          manifestChanged: false,
          downgraded: [{ name: 'minimist', from: '1.2.8', to: '1.2.5' }],
        },
      ],
      findings: [
        {
          path: 'package-lock.json',
          message: 'lockfile-only change (npm): 1 package goes back to older versions with no change in the manifest',
          evidence: 'older at the target: minimist 1.2.8 → 1.2.5',
        },
      ],
    },
    {
      name: 'a lockfile that follows its manifest',
      facts: [{ kind: 'lockfile.changed', path: 'yarn.lock', manager: 'yarn', manifestChanged: true }],
      findings: [
        { severity: 'info', message: 'yarn lockfile follows the manifest change: resolved versions go back', evidence: undefined },
      ],
    },
    {
      name: 'a lockfile that moves nothing back',
      facts: [{ kind: 'lockfile.changed', path: 'pnpm-lock.yaml', manager: 'pnpm', manifestChanged: false, downgraded: [] }],
      findings: [
        { message: 'lockfile-only change (pnpm): resolved versions change, none to an older version with no change in the manifest' },
      ],
    },
    {
      name: 'a framework the lockfile alone takes back is medium, whatever the semver distance',
      facts: [
        {
          kind: 'lockfile.changed',
          path: 'yarn.lock',
          manager: 'yarn',
          manifestChanged: true,
          downgraded: [
            { name: 'hono', from: '4.12.23', to: '4.12.18' },
            { name: 'yjs', from: '13.6.31', to: '13.6.30' },
          ],
        },
      ],
      findings: [
        {
          path: 'yarn.lock',
          severity: 'medium',
          message:
            'the yarn lockfile takes hono from 4.12.23 back to 4.12.18 — a framework or runtime package: its releases carry security fixes',
        },
        { severity: 'info', message: 'yarn lockfile follows the manifest change: 2 packages go back to older versions' },
      ],
    },
    {
      name: "a framework the manifest moves too is dependency-downgrade's to report",
      facts: [
        {
          kind: 'dependency.changed',
          path: 'package.json',
          name: 'next',
          section: 'dependencies',
          rollback: 'downgrade',
          level: 'patch',
          from: '15.3.6',
          to: '15.3.3',
        },
        {
          kind: 'lockfile.changed',
          path: 'pnpm-lock.yaml',
          manager: 'pnpm',
          manifestChanged: true,
          downgraded: [{ name: 'next', from: '15.3.6', to: '15.3.3' }],
        },
      ],
      findings: [{ severity: 'info', message: 'pnpm lockfile follows the manifest change: 1 package goes back to older versions' }],
    },
    {
      name: 'a framework list of the team',
      facts: [
        {
          kind: 'lockfile.changed',
          path: 'package-lock.json',
          manager: 'npm',
          manifestChanged: false,
          downgraded: [{ name: 'hono', from: '4.12.23', to: '4.12.18' }],
        },
      ],
      options: { frameworks: [] },
      findings: [{ message: 'lockfile-only change (npm): 1 package goes back to older versions with no change in the manifest' }],
    },
  ],
});

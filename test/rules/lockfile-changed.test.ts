import rule from '../../rules/lockfile-changed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no lockfile changed', facts: [] }],
  invalid: [
    {
      name: 'a lockfile-only change',
      facts: [{ kind: 'lockfile.changed', path: 'package-lock.json', manager: 'npm', manifestChanged: false, downgraded: [{ name: 'minimist', from: '1.2.8', to: '1.2.5' }] }],
      findings: [
        {
          path: 'package-lock.json',
          message: 'lockfile-only change (npm): 1 package go back to older versions with no change in the manifest',
          evidence: 'older at the target: minimist 1.2.8 → 1.2.5',
        },
      ],
    },
    {
      name: 'a lockfile that follows its manifest',
      facts: [{ kind: 'lockfile.changed', path: 'yarn.lock', manager: 'yarn', manifestChanged: true }],
      findings: [{ severity: 'info', message: 'yarn lockfile follows the manifest change: resolved versions go back', evidence: undefined }],
    },
  ],
});

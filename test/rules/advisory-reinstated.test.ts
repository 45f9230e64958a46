import rule from '../../rules/advisory-reinstated.js';
import type { AdvisoryFact } from '../../src/model/facts/advisories.js';
import { testRule } from '../support/rule-tester.js';

const advisory = (over: Partial<AdvisoryFact> = {}): AdvisoryFact => ({
  kind: 'advisory.affects',
  path: 'apps/web/package.json',
  line: 14,
  name: 'next',
  version: '15.3.3',
  id: 'GHSA-aaaa-bbbb-cccc',
  severity: 'critical',
  title: 'Server components can be made to run arbitrary code',
  url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
  vulnerableVersions: '>=15.0.0 <15.3.6',
  ...over,
});

testRule(rule, {
  valid: [
    {
      name: 'advisories not asked for',
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
      ],
    },
  ],
  invalid: [
    {
      name: 'an advisory on the version the rollback goes back to: medium, whatever its grade',
      facts: [advisory()],
      findings: [
        {
          path: 'apps/web/package.json',
          line: 14,
          message:
            'the rollback goes back to next 15.3.3, which GHSA-aaaa-bbbb-cccc (critical) affects: Server components can be made to run arbitrary code',
          evidence: 'vulnerable versions >=15.0.0 <15.3.6; https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
        },
      ],
    },
    {
      name: 'an advisory with no range or URL',
      facts: [advisory({ vulnerableVersions: undefined, url: undefined, id: '1101' })],
      findings: [{ evidence: '1101' }],
    },
    {
      name: 'the check could not be made: a low manual item, never a pass',
      facts: [
        { kind: 'advisory.unchecked', path: '.', packages: 3, reason: 'the advisory registry answered HTTP 503 (registry.npmjs.org)' },
      ],
      findings: [
        {
          path: '.',
          severity: 'low',
          message:
            'the advisories of 3 packages the rollback goes back to could not be checked: the advisory registry answered HTTP 503 (registry.npmjs.org)',
        },
      ],
    },
  ],
});

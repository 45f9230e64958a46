import { expect } from 'vitest';
import rule from '../../rules/config-weakened.js';
import { testRule } from '../support/rule-tester.js';

const weakened = (change: string, line?: number) => ({
  kind: 'config.weakened' as const,
  path: 'rollback-ready.config.json',
  ...(line !== undefined ? { line } : {}),
  change,
  inEffect: 'rollback-ready.config.json at v1',
});

testRule(rule, {
  valid: [{ name: 'the release leaves the config as it is, or makes it stricter', facts: [] }],
  invalid: [
    {
      name: 'an ignore the release adds, at its line',
      facts: [weakened('ignores "**"', 2)],
      findings: [
        {
          path: 'rollback-ready.config.json',
          line: 2,
          message: 'the config of v2 ignores "**"; not applied (in effect: rollback-ready.config.json at v1)',
        },
      ],
    },
    {
      name: 'one finding per weakening',
      facts: [weakened('turns drop-table off (was critical)', 3), weakened('sets gate.warnOnly: a crossed gate would not fail', 5)],
      findings: [
        { line: 3, message: expect.stringMatching(/^the config of v2 turns drop-table off \(was critical\); not applied/) },
        { line: 5, message: expect.stringMatching(/sets gate\.warnOnly/) },
      ],
    },
    {
      name: 'a config that cannot be read has no line',
      facts: [weakened('cannot be read or validated (not valid JSON)')],
      findings: [
        {
          path: 'rollback-ready.config.json',
          message: expect.stringMatching(/^the config of v2 cannot be read or validated \(not valid JSON\); not applied/),
        },
      ],
    },
  ],
});

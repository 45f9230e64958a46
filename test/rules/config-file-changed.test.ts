import rule from '../../rules/config-file-changed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no config file changed', facts: [{ kind: 'file.classified', path: 'a.css', category: 'style-only', reason: 'stylesheet' }] },
  ],
  invalid: [
    {
      name: 'flags switched back',
      facts: [
        {
          kind: 'config.changed',
          path: 'config/flags.json',
          configKind: 'feature-flags',
          status: 'modified',
          restored: ['legacyCart'],
          dropped: ['newCheckout'],
          changed: ['darkMode'],
        },
      ],
      findings: [
        {
          path: 'config/flags.json',
          message: 'feature flags: the rollback changes back darkMode, brings back legacyCart, drops newCheckout in config/flags.json',
        },
      ],
    },
    {
      name: 'a config file the release added',
      facts: [
        {
          kind: 'config.changed',
          path: 'config/prod.yaml',
          configKind: 'app-config',
          status: 'added',
          restored: [],
          dropped: ['a'],
          changed: [],
        },
      ],
      findings: [{ message: 'app config: the rollback deletes config/prod.yaml (added by the release)' }],
    },
    {
      name: 'an unparsed file',
      facts: [{ kind: 'config.changed', path: '.env.production', configKind: 'dotenv', status: 'modified' }],
      findings: [{ message: 'committed environment file: the rollback reverts .env.production (not parsed: keys unknown)' }],
    },
  ],
});

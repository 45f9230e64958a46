import rule from '../../rules/webhook-removed.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'no webhook removed', facts: [] }],
  invalid: [
    {
      name: 'a 3.1 webhook gone',
      facts: [{ kind: 'webhook.removed', path: 'openapi.yaml', line: 12, name: 'orderShipped', method: 'POST' }],
      findings: [{ path: 'openapi.yaml', line: 12, message: 'webhook orderShipped (POST) is no longer sent after the rollback' }],
    },
  ],
});

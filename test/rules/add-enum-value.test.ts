import { expect } from 'vitest';
import rule from '../../rules/add-enum-value.js';
import { op } from '../support/migration-facts.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a renamed value is another rule', facts: [op({ action: 'enum-rename-value', name: 'mood', from: 'sad', to: 'blue' })] },
    { name: 'on a type the release created', facts: [op({ action: 'enum-add-value', name: 'mood', to: 'curious' }, { newObject: true })] },
  ],
  invalid: [
    {
      name: 'a value added to a type the older code uses',
      facts: [op({ action: 'enum-add-value', name: 'mood', to: 'curious' }, { line: 2 })],
      findings: [{ line: 2, message: expect.stringMatching(/adds value curious to type mood: rows with this value reach older code/) }],
    },
  ],
});

import rule from '../../rules/unclassified-change.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'everything classified', facts: [{ kind: 'file.classified', path: 'a.ts', category: 'code-change', reason: 'parses' }] }],
  invalid: [
    {
      name: 'an unread file',
      facts: [{ kind: 'file.unreadable', path: 'blob.bin', side: 'from', reason: 'binary content' }],
      findings: [{ path: 'blob.bin', message: 'blob.bin was not understood: binary content' }],
    },
    {
      name: 'a syntax error keeps its line and quote',
      facts: [{ kind: 'file.unreadable', path: 'm.sql', line: 7, reason: 'SQL not understood', evidence: 'ALTER TALBE x' }],
      findings: [{ path: 'm.sql', line: 7, evidence: 'ALTER TALBE x' }],
    },
    {
      name: 'two analyzers failing on one file give one finding with both reasons',
      facts: [
        { kind: 'file.unreadable', path: 'package.json', reason: 'package.json is not valid JSON at one side' },
        { kind: 'file.unreadable', path: 'package.json', side: 'from', reason: 'package.json is not a JSON object' },
      ],
      findings: [
        {
          path: 'package.json',
          message: 'package.json was not understood: package.json is not valid JSON at one side; package.json is not a JSON object',
        },
      ],
    },
  ],
});

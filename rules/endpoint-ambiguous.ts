import { defineRule } from './rule.js';

export default defineRule({
  id: 'endpoint-ambiguous',
  category: 'endpoint-removal',
  severity: 'low',
  description: 'Several path templates of one spec collapse to the same endpoint, so which one a client reaches is not guessed.',
  checklist: 'endpoints',
  outcome: 'manual',
  remediation: 'Merge the templates in the spec, then compare the releases again.',
  docs: {
    why:
      'Templates such as `/users/{id}` and `/users/{name}` are the same endpoint to a client. The tool will not guess which one the rollback keeps, so a person decides.',
    example: 'openapi.yaml declares both `GET /pets/{petId}` and `GET /pets/{name}`.',
    fix: 'Keep one template per endpoint in the spec.',
  },
  check(facts) {
    return facts.of('endpoint.ambiguous').map((fact) => ({
      message: `${fact.method} ${fact.templates.join(' and ')} are the same endpoint: review by hand`,
      path: fact.path,
      line: fact.line,
      evidence: fact.templates.join(', '),
    }));
  },
});

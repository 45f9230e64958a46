import { excerpt } from '../src/util/sanitize.js';
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
    why: 'Templates such as `/users/{id}` and `/users/{name}` are the same endpoint to a client. The tool will not guess which one the rollback keeps, so a person decides.',
    example: 'openapi.yaml declares both `GET /pets/{petId}` and `GET /pets/{name}`.',
    fix: 'Keep one template per endpoint in the spec.',
  },
  check(facts) {
    return facts.of('endpoint.ambiguous').map((fact) => {
      // A spec can hold thousands of colliding templates: a few are named, the rest counted.
      const templates = fact.templates.map((t) => excerpt(t, 120));
      const more = fact.more ? ` and ${fact.more.toLocaleString('en-US')} more templates` : '';
      return {
        message: `${fact.method} ${templates.join(' and ')}${more} are the same endpoint: review by hand`,
        path: fact.path,
        line: fact.line,
        evidence: `${templates.join(', ')}${more ? `, … (${fact.more!.toLocaleString('en-US')} more)` : ''}`,
      };
    });
  },
});

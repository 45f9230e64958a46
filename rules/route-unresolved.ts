import { excerpt } from '../src/util/sanitize.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'route-unresolved',
  category: 'endpoint-removal',
  severity: 'low',
  description: 'A route in the running release has a path or method the tool cannot read statically.',
  checklist: 'endpoints',
  outcome: 'manual',
  remediation: 'Read the route yourself and check that the rollback target still serves it.',
  docs: {
    why: 'A path built at run time (from a variable, a config value or a loop over computed values) cannot be compared with the older release. It may be an endpoint the rollback removes, so it is shown rather than dropped. The same route at the target (same file, router, method, path expression and handler) is not reported again.',
    example: 'app.get(`${config.base}/users`, handler) in a file the release changed.',
    fix: 'Check the route by hand; prefer literal route paths, or constants, so the tool can compare them.',
  },
  check(facts) {
    return facts.of('endpoint.unresolved').map((fact) => ({
      message: `a route (${fact.source}${fact.method ? `, ${fact.method}` : ''}) cannot be read statically (${fact.reason}): check by hand that the rollback keeps it`,
      path: fact.path,
      line: fact.line,
      evidence: excerpt(fact.evidence, 200),
    }));
  },
});

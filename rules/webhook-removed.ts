import { defineRule } from './rule.js';

export default defineRule({
  id: 'webhook-removed',
  category: 'contract-change',
  severity: 'medium',
  description: 'A webhook the running release sends to its clients is not sent by the rollback target.',
  checklist: 'endpoints',
  remediation: 'Tell the subscribers of the webhook that events stop until the release comes back.',
  docs: {
    why: 'A webhook is not an endpoint the app serves, but clients built receivers for it. After the rollback the events stop arriving, silently: nothing fails on their side, they just miss data.',
    example: 'The spec of v2 declares the OpenAPI 3.1 webhook `orderShipped`; v1 does not.',
    fix: 'Warn the subscribers, and replay the missed events once the release is back.',
  },
  check(facts) {
    return facts.of('webhook.removed').map((fact) => ({
      message: `webhook ${fact.name} (${fact.method}) is no longer sent after the rollback`,
      path: fact.path,
      line: fact.line,
    }));
  },
});

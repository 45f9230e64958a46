import { defineRule } from './rule.js';

export default defineRule({
  id: 'env-validation-changed',
  category: 'config-change',
  severity: 'medium',
  description:
    'The environment module (env.ts, env.server.ts) declares a variable both releases read with another parser, default or check.',
  checklist: 'config',
  outcome: 'manual',
  remediation: "Check each variable's value as it is set now against the older release's declaration (format, allowed values, default).",
  docs: {
    why: "Apps validate their environment at boot (t3-env, envalid, zod, class-validator). A value set for the release — a new format its validator accepts, a variable its default made optional — can fail the older release's check, and the older release then refuses to start or misreads it.",
    example:
      'The release replaced `@IsEmail()` by `@IsMailboxAddress()` on `SMTP_FROM_EMAIL`, and the value was changed to `Outline <noreply@example.com>`: the older release rejects it.',
    fix: 'Before rolling back, set each listed variable to a value the older declaration accepts.',
  },
  check(facts) {
    return facts.of('env.validation-changed').map((fact) => ({
      message: `${fact.path} declares ${fact.names.join(', ')} differently in the older release: values set for the running release must pass its checks`,
      path: fact.path,
      line: fact.line,
    }));
  },
});

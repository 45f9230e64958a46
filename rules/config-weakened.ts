import { defineRule } from './rule.js';

export default defineRule({
  id: 'config-weakened',
  category: 'config-change',
  severity: 'high',
  description:
    "The release's own rollback-ready config would weaken its analysis (ignore more, turn rules off, relax the gate); it is not applied.",
  checklist: 'review',
  remediation:
    "If the change is meant, review it as a change to the gate itself: it takes effect once it is in the target (merged into the base). Until then the target's config (or --config) is the one in effect.",
  docs: {
    why: 'In a pull request the release is the untrusted head. If its config were read, `ignore: ["**"]` or `gate: { warnOnly: true }` would let a DROP TABLE pass the gate it ships with. The config in effect comes from the target (the base of a pull request, the older release of a rollback) or from --config; every way the release\'s own config would see less, pass more or work under other limits is reported here, and none of it applies to this run.',
    example:
      'The pull request adds `ignore: ["**"]` to rollback-ready.config.json: the analysis still reads every file, and this rule reports the new ignore at its line.',
    fix: 'Merge the config change on its own, reviewed like any change to the gate; or pass --config with a config file you trust.',
  },
  check(facts, context) {
    return facts.of('config.weakened').map((fact) => ({
      message: `the config of ${context.from.ref} ${fact.change}; not applied (in effect: ${fact.inEffect})`,
      path: fact.path,
      ...(fact.line !== undefined ? { line: fact.line } : {}),
    }));
  },
});

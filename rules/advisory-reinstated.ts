import { defineRule, type FindingDraft } from './rule.js';
import { plural } from '../src/util/format.js';

export default defineRule({
  id: 'advisory-reinstated',
  category: 'dependency-change',
  severity: 'medium',
  description:
    'With --advisories: a registry advisory affects a version the rollback goes back to (or the advisories could not be checked).',
  checklist: 'dependencies',
  outcome: 'manual',
  remediation:
    'Read the advisory: if the older version is exploitable in your setup, keep the patched version while rolling back the code, or mitigate first.',
  docs: {
    why: 'A rollback reinstalls the older dependency versions, and with them the vulnerabilities the release patched. The npm registry knows which published advisories affect which versions; `--advisories` asks it for the versions the rollback goes back to. The finding stays medium whatever the advisory grade: the rollback can still be the right call, but a person must decide knowing it.',
    example: 'The rollback takes next from 15.3.6 back to 15.3.3, which GHSA-9qr9-h5gf-34mp (critical) affects.',
    fix: 'Pin the patched version in the target release (an override or resolution), or accept the risk for the time the rollback lasts, with a mitigation in place.',
  },
  check(facts) {
    const drafts: FindingDraft[] = facts.of('advisory.affects').map((fact) => ({
      message: `the rollback goes back to ${fact.name} ${fact.version}, which ${fact.id} (${fact.severity}) affects: ${fact.title}`,
      path: fact.path,
      ...(fact.line !== undefined ? { line: fact.line } : {}),
      evidence:
        [fact.vulnerableVersions ? `vulnerable versions ${fact.vulnerableVersions}` : undefined, fact.url].filter(Boolean).join('; ') ||
        fact.id,
    }));
    for (const fact of facts.of('advisory.unchecked')) {
      drafts.push({
        message: `the advisories of ${plural(fact.packages, 'package')} the rollback goes back to could not be checked: ${fact.reason}`,
        path: fact.path,
        severity: 'low',
      });
    }
    return drafts;
  },
});

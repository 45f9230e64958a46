import type { Severity } from '../src/model/report.js';
import type { DependencyChangedFact } from '../src/model/facts/dependencies.js';
import { defineRule } from './rule.js';

const RUNTIME_SECTIONS = new Set(['dependencies', 'optionalDependencies']);

function severityOf(fact: DependencyChangedFact): Severity {
  const runtime = RUNTIME_SECTIONS.has(fact.section);
  switch (fact.rollback) {
    case 'downgrade':
      if (fact.level === 'major') return runtime ? 'medium' : 'low';
      if (fact.level === 'minor') return runtime ? 'low' : 'info';
      return 'info';
    case 'restores':
    case 'changes':
      return runtime ? 'low' : 'info';
    default:
      return 'info';
  }
}

function messageOf(f: DependencyChangedFact): string {
  const dev = f.section === 'dependencies' ? '' : ` (${f.section})`;
  switch (f.rollback) {
    case 'downgrade':
      return `the rollback downgrades ${f.name}${dev} from ${f.from} to ${f.to} (${f.level})`;
    case 'upgrade':
      return `the rollback upgrades ${f.name}${dev} from ${f.from} to ${f.to} (the release had downgraded it)`;
    case 'removes':
      return `the rollback removes ${f.name}${dev} ${f.from} (added by the release)`;
    case 'restores':
      return `the rollback brings back ${f.name}${dev} ${f.to} (removed by the release)`;
    default:
      return `the rollback moves ${f.name}${dev} from ${f.from} to ${f.to}: versions not comparable`;
  }
}

export default defineRule({
  id: 'dependency-downgrade',
  category: 'dependency-change',
  severity: 'low',
  description: 'Dependencies the rollback downgrades (by semver major, minor or patch), removes or brings back.',
  checklist: 'dependencies',
  remediation: 'Check that the older versions can read data and caches the newer ones wrote, and that no fixed vulnerability comes back.',
  docs: {
    why:
      'Rolling back the code rolls back its dependencies too. A major downgrade can meet data, caches or protocol versions written by the newer library (serializers, ORMs, SDKs), and a downgrade brings back bugs and vulnerabilities the release fixed.',
    example: 'The release upgraded `pg` from ^7.18.0 to ^8.11.0; the rollback goes back to 7.x.',
    fix: 'Read the changelog of each major downgrade for storage or wire-format changes; if a security fix is at stake, roll back and pin the fixed version in a follow-up release.',
  },
  check(facts) {
    return facts.of('dependency.changed').map((fact) => ({
      message: messageOf(fact),
      path: fact.path,
      line: fact.line,
      severity: severityOf(fact),
    }));
  },
});

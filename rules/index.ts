import type { AnyRule } from './rule.js';
import releaseVolume from './release-volume.js';
import unclassifiedChange from './unclassified-change.js';
import classMemberNarrowed from './class-member-narrowed.js';
import contractWidened from './contract-widened.js';
import enumMemberRemoved from './enum-member-removed.js';
import exportRemoved from './export-removed.js';
import graphqlSchemaNarrowed from './graphql-schema-narrowed.js';
import packageExportsRemoved from './package-exports-removed.js';
import packageRequirementsNarrowed from './package-requirements-narrowed.js';
import propertyNarrowed from './property-narrowed.js';
import signatureNarrowed from './signature-narrowed.js';
import pullRequestLabel from './pull-request-label.js';

// The one list of rules. `rules`, `explain`, SARIF rule metadata and config validation derive from it.
export const RULES = {
  'release-volume': releaseVolume,
  'unclassified-change': unclassifiedChange,
  'class-member-narrowed': classMemberNarrowed,
  'contract-widened': contractWidened,
  'enum-member-removed': enumMemberRemoved,
  'export-removed': exportRemoved,
  'graphql-schema-narrowed': graphqlSchemaNarrowed,
  'package-exports-removed': packageExportsRemoved,
  'package-requirements-narrowed': packageRequirementsNarrowed,
  'property-narrowed': propertyNarrowed,
  'signature-narrowed': signatureNarrowed,
  'pull-request-label': pullRequestLabel,
} satisfies Record<string, AnyRule>;

export type RuleId = keyof typeof RULES;

export const RULE_LIST: readonly AnyRule[] = Object.values(RULES);

export function findRule(id: string): AnyRule | undefined {
  return (RULES as Record<string, AnyRule>)[id];
}

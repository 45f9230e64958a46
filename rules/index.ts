import type { AnyRule } from './rule.js';
import releaseVolume from './release-volume.js';
import unclassifiedChange from './unclassified-change.js';
import endpointRemoved from './endpoint-removed.js';
import endpointNarrowed from './endpoint-narrowed.js';
import webhookRemoved from './webhook-removed.js';
import routeUnresolved from './route-unresolved.js';
import endpointAmbiguous from './endpoint-ambiguous.js';

// The one list of rules. `rules`, `explain`, SARIF rule metadata and config validation derive from it.
export const RULES = {
  'release-volume': releaseVolume,
  'unclassified-change': unclassifiedChange,
  'endpoint-removed': endpointRemoved,
  'endpoint-narrowed': endpointNarrowed,
  'webhook-removed': webhookRemoved,
  'route-unresolved': routeUnresolved,
  'endpoint-ambiguous': endpointAmbiguous,
} satisfies Record<string, AnyRule>;

export type RuleId = keyof typeof RULES;

export const RULE_LIST: readonly AnyRule[] = Object.values(RULES);

export function findRule(id: string): AnyRule | undefined {
  return (RULES as Record<string, AnyRule>)[id];
}

// The configuration in effect when nothing is set: plain data, so that an analysis without a config file
// never loads the schema library. The schema takes its defaults from here, and a test checks that validating
// an empty config gives exactly this.

/** Files larger than this are not read (`limits.maxFileBytes`). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Read by the schema for its defaults (untyped here: the Config type is inferred from the schema; defaultConfig() types it). */
export const DEFAULTS = {
  rules: {},
  ignore: [],
  limits: { maxFileBytes: DEFAULT_MAX_FILE_BYTES, timeBudgetSeconds: 300 },
  verdict: {},
  gate: { warnOnly: false },
  contracts: { entries: [] },
  migrations: { paths: [], discover: true },
  api: { specs: [], routeRoots: [] },
  customRules: [],
  output: {},
  scope: [],
} as const;

/** A config that sets nothing: no key at all (`{}`, or nothing given). */
export function setsNothing(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0);
}

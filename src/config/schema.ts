import { z } from 'zod';
import { SEVERITIES } from '../model.js';
import { PLATFORM_IDS } from '../platform.js';
import { SQL_DIALECTS } from '../analyzers/sql/ops.js';

const severity = z.enum(SEVERITIES);

export const ruleSettingSchema = z.union([
  z.literal('off'),
  severity,
  z
    .object({
      severity: z.union([z.literal('off'), severity]).optional(),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

export const configSchema = z
  .object({
    /** Per-rule severity, `off`, or options, as ESLint users expect. */
    rules: z.record(z.string(), ruleSettingSchema).prefault({}),
    /** Globs of paths the analysis leaves out (counted, never silently). */
    ignore: z.array(z.string()).prefault([]),
    limits: z
      .object({
        /** A file side larger than this is not read: unclassified, with the reason. */
        maxFileBytes: z.number().int().positive().default(5 * 1024 * 1024),
        /** Analyzers that have not started when this many seconds have passed are skipped and reported. */
        timeBudgetSeconds: z.number().positive().default(300),
      })
      .strict()
      .prefault({}),
    /** Where the app runs: the report ends with that platform's rollback command and caveats. */
    platform: z.enum(PLATFORM_IDS).optional(),
    verdict: z
      .object({
        /** Score at or above which the verdict is at least caution. */
        cautionAt: z.number().min(0).max(100).default(20),
        /** Score at or above which the verdict is blocked. */
        blockedAt: z.number().min(0).max(100).default(60),
      })
      .strict()
      .prefault({}),
    /** The pipeline gate; `--fail-on`, `--max-score` and `--warn-only` win over these. */
    gate: z
      .object({
        /** Fail (exit 1) when a finding is at least this severe. */
        failOn: severity.optional(),
        /** Fail (exit 1) when the risk score is above this. */
        maxScore: z.number().int().min(0).max(100).optional(),
        /** Report a crossed gate without failing. */
        warnOnly: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    contracts: z
      .object({
        /** Globs of files that are the public API (instead of package.json entry points). */
        entries: z.array(z.string()).default([]),
      })
      .strict()
      .prefault({}),
    /** Where migrations live (globs added to the built-in layouts) and which SQL dialect they use. */
    migrations: z
      .object({
        /** Extra globs of migration files (SQL or TS/JS), read as well as the built-in layouts. */
        paths: z.array(z.string()).default([]),
        /** false: only `paths` are migrations (the built-in layouts are not searched). */
        discover: z.boolean().default(true),
        /** The SQL dialect; detected from each file (and Prisma's migration_lock.toml) when unset. */
        dialect: z.enum(SQL_DIALECTS).optional(),
      })
      .strict()
      .prefault({}),
    /** Where the HTTP API is described: spec globs (besides the `openapi.*`/`swagger.*` convention). */
    api: z
      .object({
        specs: z.array(z.string()).prefault([]),
        /** Globs of route files read at the target when an endpoint seems removed (a route moved to an unchanged file). */
        routeRoots: z.array(z.string()).prefault([]),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export function defaultConfig(): Config {
  return configSchema.parse({});
}

import { z } from 'zod';
import { SEVERITIES } from '../model.js';
import { PLATFORM_IDS } from '../platform.js';

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

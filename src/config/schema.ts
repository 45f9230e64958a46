import { z } from 'zod';
import { SEVERITIES } from '../model/report.js';
import { CATEGORIES } from '../model/report.js';
import { PLATFORM_IDS } from '../model/platform.js';
import { SQL_DIALECTS } from '../model/sql.js';
// Where a default is given here, its value comes from the defaults as data (src/config/defaults.ts).
import { DEFAULTS as D } from './defaults.js';
import { globProblem } from '../util/glob.js';

/** A glob as src/util/glob.ts matches it: bounded in length and alternatives, no extglob. */
const glob = z.string().superRefine((value, context) => {
  const problem = globProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: `A glob that ${problem}` });
});

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

/** A rule written in the config, no code: changes under `when.paths` raise a finding with `message`. */
export const customRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    description: z.string().min(1),
    when: z
      .object({
        paths: z.array(glob.min(1)).min(1),
        status: z
          .array(z.enum(['added', 'modified', 'deleted', 'renamed']))
          .min(1)
          .optional(),
        category: z.enum(CATEGORIES).optional(),
      })
      .strict(),
    severity,
    message: z.string().min(1),
    /** Title of a checklist item of its own; without it the finding feeds the `custom` item. */
    checklist: z.string().min(1).optional(),
    /** Category its findings carry (default: `when.category`, else code-change). */
    category: z.enum(CATEGORIES).optional(),
    remediation: z.string().min(1).optional(),
  })
  .strict();
export type CustomRule = z.infer<typeof customRuleSchema>;

export const configSchema = z
  .object({
    /** Per-rule severity, `off`, or options, as ESLint users expect. */
    rules: z.record(z.string(), ruleSettingSchema).prefault({}),
    /** Globs of paths the analysis leaves out (counted, never silently). */
    ignore: z.array(glob).prefault([]),
    limits: z
      .object({
        /** A file side larger than this is not read: unclassified, with the reason. */
        maxFileBytes: z.number().int().positive().default(D.limits.maxFileBytes),
        /**
         * After this many seconds nothing more is read or parsed: analyzers not started, and files an analyzer
         * asks for, are reported as not read (a single file already being analysed is not interrupted).
         */
        timeBudgetSeconds: z.number().positive().default(D.limits.timeBudgetSeconds),
      })
      .strict()
      .prefault({}),
    /** Where the app runs: the report ends with that platform's rollback command and caveats. */
    platform: z.enum(PLATFORM_IDS).optional(),
    verdict: z
      .object({
        /** Score at or above which the verdict is at least caution (unset: the findings alone decide). */
        cautionAt: z.number().min(0).max(100).optional(),
        /** Score at or above which the verdict is blocked (unset: the findings alone decide). */
        blockedAt: z.number().min(0).max(100).optional(),
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
        warnOnly: z.boolean().default(D.gate.warnOnly),
      })
      .strict()
      .prefault({}),
    contracts: z
      .object({
        /** Globs of files that are the public API (instead of package.json entry points). */
        entries: z.array(glob).default([]),
      })
      .strict()
      .prefault({}),
    /** Where migrations live (globs added to the built-in layouts) and which SQL dialect they use. */
    migrations: z
      .object({
        /** Extra globs of migration files (SQL or TS/JS), read as well as the built-in layouts. */
        paths: z.array(glob).default([]),
        /** false: only `paths` are migrations (the built-in layouts are not searched). */
        discover: z.boolean().default(D.migrations.discover),
        /** The SQL dialect; detected from each file (and Prisma's migration_lock.toml) when unset. */
        dialect: z.enum(SQL_DIALECTS).optional(),
      })
      .strict()
      .prefault({}),
    /** Where the HTTP API is described: spec globs (besides the `openapi.*`/`swagger.*` convention). */
    api: z
      .object({
        specs: z.array(glob).prefault([]),
        /** Globs of route files read at the target when an endpoint seems removed (a route moved to an unchanged file). */
        routeRoots: z.array(glob).prefault([]),
      })
      .strict()
      .prefault({}),
    /** Rules written in the config (see customRuleSchema). */
    customRules: z.array(customRuleSchema).prefault([]),
    /** Defaults for the command line; its flags win. */
    output: z
      .object({
        /** text, json, markdown, or any other registered format (checked by the command line). */
        format: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    /** Paths the analysis is limited to (one service of a monorepo); workspace dependencies join. */
    scope: z.array(z.string().min(1)).prefault([]),
    /** Glob of release tags for the default `to`, e.g. `api@*`. */
    tagPattern: glob.min(1).optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

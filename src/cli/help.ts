// The usage text of `rollback-ready --help`, apart from the command table so that a command can print it
// without importing the table that loads it.
export const HELP = `rollback-ready — what would rolling back undo, and what would it break?

Usage
  rollback-ready [analyze] [--repo DIR] [--from REF] [--to REF] [options]
  rollback-ready comment [--pr N] [--github-repo owner/name]   (see comment --help)
  rollback-ready rules                 list every rule (id, category, default severity)
  rollback-ready explain <rule-id>     why a rule matters, an example, the fix, how to suppress it
  rollback-ready init                  write a commented starter config here (never overwrites)

  --from is the release running now (default HEAD); --to is the rollback target
  (default: the release tag before --from).

Options
  --repo DIR            repository to analyse, work tree or bare (default: .)
  --from REF            the release running now (default: HEAD)
  --to REF              the release to roll back to (default: the previous release tag)
  --format FORMAT       text | json | markdown | sarif (SARIF 2.1.0) | gitlab (GitLab Code Quality)
                        | tui: the interactive review, the default when stdout is a terminal
                        (text when piped)
  --output FORMAT=FILE  also write the report in FORMAT to FILE (repeatable; one analysis)
  --fail-on SEVERITY    exit 1 when a finding is at least this severe (info|low|medium|high|critical)
  --max-score N         exit 1 when the risk score is above N (0–100)
  --warn-only           print a crossed gate's line, but exit 0
  --platform NAME       gitops | convox | astronomer | octopus | kubernetes | heroku:
                        end the report with that platform's rollback command and caveats
  --ack-file FILE       with the terminal review: write what was checked by hand as JSON
  --tag-pattern GLOB    release tags to consider for the default --to (e.g. 'v*', 'api@*')
  --github-changelog    list the merged pull requests of the range (from GitHub, token in GITHUB_TOKEN);
                        labels such as breaking-change, migration, database raise checklist items
  --github-repo O/N     the GitHub repository for --github-changelog (default: GITHUB_REPOSITORY)
  --api-url URL         GitHub GraphQL endpoint (default: GITHUB_GRAPHQL_URL, else api.github.com)
  --scope PATH          analyse only the changes under PATH (repeatable): one service of a
                        monorepo; the workspace packages it depends on join, and a workspace
                        package named NAME defaults --tag-pattern to 'NAME@*'
  --config FILE         JSON or YAML config to use instead of the one in the --from release
                        (rollback-ready.config.{json,yaml,yml}, .rollbackreadyrc{,.json,.yaml,.yml},
                        or "rollbackReady" in package.json)
  --debug               show stack traces of unexpected errors
  --timings             print the wall time of each phase on stderr (JSON)
  -h, --help            this help
  -v, --version         the version

Exit codes
  0  analysis done (and the gate, if any, passed)
  1  the gate failed (--fail-on, --max-score, or gate in the config)
  2  usage, config or input error (bad ref, not a repository, shallow history)

Environment
  ROLLBACK_READY_CACHE  off: keep no compile cache; a folder: keep it there (default
                        $XDG_CACHE_HOME or ~/.cache, under rollback-ready/code)
`;

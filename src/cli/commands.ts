// The command table: help text and dispatch both derive from it.

type Command = (args: string[]) => Promise<number>;

export const COMMANDS = {
  analyze: async (): Promise<Command> => (await import('./commands/analyze.js')).run,
} satisfies Record<string, () => Promise<Command>>;

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

export const HELP = `rollback-ready — what would rolling back undo, and what would it break?

Usage
  rollback-ready [analyze] [--repo DIR] [--from REF] [--to REF] [options]

  --from is the release running now (default HEAD); --to is the rollback target
  (default: the release tag before --from).

Options
  --repo DIR            repository to analyse, work tree or bare (default: .)
  --from REF            the release running now (default: HEAD)
  --to REF              the release to roll back to (default: the previous release tag)
  --format FORMAT       text | json | markdown (default: text when piped)
                        tui: the interactive review, the default when stdout is a terminal
  --fail-on SEVERITY    exit 1 when a finding is at least this severe (info|low|medium|high|critical)
  --max-score N         exit 1 when the risk score is above N (0–100)
  --platform NAME       gitops | convox | astronomer | octopus | kubernetes | heroku:
                        end the report with that platform's rollback command and caveats
  --ack-file FILE       with the terminal review: write what was checked by hand as JSON
  --tag-pattern GLOB    release tags to consider for the default --to (e.g. 'v*', 'api@*')
  --debug               show stack traces of unexpected errors
  -h, --help            this help
  -v, --version         the version

Exit codes
  0  analysis done (and the gate, if any, passed)
  1  the gate failed (--fail-on, --max-score)
  2  usage, config or input error (bad ref, not a repository, shallow history)
`;

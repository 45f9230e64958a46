// Expected failures a user can cause or fix: one line, exit 2.
// Anything else that escapes is a bug and is reported as such by the CLI.
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(fix ? `${problem} — ${fix}` : problem);
  }
}

/** A pull request merged into the release (read from GitHub by the CLI and handed to the engine, never fetched here). */
export interface PullRequestFact {
  kind: 'pull-request.merged';
  /** `#<number>`: a pull request has no file of its own. */
  path: string;
  number: number;
  title: string;
  url: string;
  labels: string[];
}

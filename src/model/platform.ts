// The platforms a report can end with a rollback plan for (`--platform`), and the plan's shape.

export const PLATFORM_IDS = ['gitops', 'convox', 'astronomer', 'octopus', 'kubernetes', 'heroku'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface RollbackPlan {
  platform: PlatformId;
  /** Commands to run, in order; `<…>` marks a value only the platform knows. */
  commands: string[];
  /** What this platform's rollback does not undo. */
  caveats: string[];
}

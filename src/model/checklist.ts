// The can-rollback checklist. Each rule feeds one item; the engine gives every item a status.

export interface ChecklistDefinition {
  title: string;
  /** Shown when nothing feeds the item: why it passes. */
  passDetail: string;
}

export const CHECKLIST = {
  database: {
    title: 'The older code can live with the database the release leaves behind',
    passDetail: 'no migration in the release that the older code cannot live with',
  },
  contracts: {
    title: 'Consumers of the running release keep their exported APIs',
    passDetail: 'no exported API the rollback removes or narrows',
  },
  endpoints: {
    title: 'No HTTP endpoint that clients use disappears',
    passDetail: 'no endpoint the rollback removes',
  },
  config: {
    title: 'Environment and config the older release needs are still set',
    passDetail: 'no environment variable or config the older release needs and the running one does not',
  },
  dependencies: {
    title: 'Dependencies and runtime go back cleanly',
    passDetail: 'no dependency or runtime downgrade',
  },
  infrastructure: {
    title: 'Infrastructure changes are rolled back separately',
    passDetail: 'no infrastructure file changed',
  },
  fixes: {
    title: 'The fixes and security patches the rollback takes back are known',
    passDetail: 'no code change, and no commit that marks a fix',
  },
  volume: {
    title: 'The release is small enough to reason about',
    passDetail: 'small release',
  },
  review: {
    title: 'Every change was read and understood',
    passDetail: 'every changed file was read and classified',
  },
  custom: {
    title: 'Team rules',
    passDetail: 'no team rule matched',
  },
} as const satisfies Record<string, ChecklistDefinition>;

export type ChecklistId = keyof typeof CHECKLIST;

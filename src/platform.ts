// How to roll back on each platform, and what that platform does not bring back.
import type { RefInfo } from './model.js';

export const PLATFORM_IDS = ['gitops', 'convox', 'astronomer', 'octopus', 'kubernetes', 'heroku'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface RollbackPlan {
  platform: PlatformId;
  /** Commands to run, in order; `<…>` marks a value only the platform knows. */
  commands: string[];
  /** What this platform's rollback does not undo. */
  caveats: string[];
}

interface Range {
  from: RefInfo;
  to: RefInfo;
  toIsAncestor: boolean;
}

const MIGRATIONS = 'Database migrations are never rolled back: the schema stays as the running release left it.';

const PLANS: Record<PlatformId, (range: Range) => Omit<RollbackPlan, 'platform'>> = {
  gitops: ({ from, to, toIsAncestor }) => ({
    commands: toIsAncestor
      ? [`git revert --no-edit ${to.sha}..${from.sha}`, 'git push']
      : [`git reset --hard ${to.sha}`, 'git push --force-with-lease   # rewrites the deployed branch: everyone must re-sync'],
    caveats: [
      MIGRATIONS,
      'Anything outside the repository (secrets, cloud resources created by hand) stays as it is.',
      ...(toIsAncestor ? [] : ['The target is not an ancestor of the running release, so a revert cannot express the rollback; a reset rewrites history.']),
    ],
  }),
  convox: ({ to }) => ({
    commands: ['convox releases', `convox releases rollback <release id of ${to.ref}>`],
    caveats: [MIGRATIONS, "A new release is created with the target's build and the target's environment variables."],
  }),
  astronomer: ({ to }) => ({
    commands: [`astro deployment rollback   # pick the deploy of ${to.ref} in the deploy history`],
    caveats: [
      'Environment variables, resource and platform settings are not rolled back.',
      'Data written by features missing in the older runtime is erased.',
      MIGRATIONS,
    ],
  }),
  octopus: ({ to }) => ({
    commands: [`octopus release deploy --project <project> --version ${to.ref} --environment <environment>`],
    caveats: ['The old release is re-run end to end: packages, config transforms and manual steps.', 'The database is not restored unless a step of the release handles it.'],
  }),
  kubernetes: ({ to }) => ({
    commands: ['kubectl rollout history deployment/<name>', `kubectl rollout undo deployment/<name> --to-revision=<revision of ${to.ref}>`],
    caveats: [MIGRATIONS, 'ConfigMaps, Secrets and other resources the deployment reads are not rolled back by `rollout undo`.'],
  }),
  heroku: ({ to }) => ({
    commands: ['heroku releases', `heroku rollback <release of ${to.ref}>`],
    caveats: ['Code and config vars go back; add-ons such as databases keep their state.', MIGRATIONS],
  }),
};

export function rollbackPlan(platform: PlatformId, range: Range): RollbackPlan {
  return { platform, ...PLANS[platform](range) };
}

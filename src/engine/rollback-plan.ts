// How to roll back on each platform, and what that platform does not bring back.
import type { RefInfo } from '../model/report.js';
import type { PlatformId, RollbackPlan } from '../model/platform.js';

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
      ...(toIsAncestor
        ? [
            `A merge commit in the range stops 'git revert': revert it with '-m 1', or revert the whole range as one commit with 'git revert --no-commit ${to.sha}..${from.sha}' then 'git commit'.`,
          ]
        : ['The target is not an ancestor of the running release, so a revert cannot express the rollback; a reset rewrites history.']),
    ],
  }),
  convox: ({ to }) => ({
    commands: ['convox releases', `convox releases rollback <release id of ${to.ref}>`],
    caveats: [MIGRATIONS, "A new release is created with the target's build and the target's environment variables."],
  }),
  astronomer: ({ to }) => ({
    // Astro rolls back from the Deploy History of the Deployment in the Astro UI; the CLI has no rollback command.
    commands: [`# Astro UI → your Deployment → Deploy History → Rollback on the deploy of ${to.ref} (${to.sha.slice(0, 7)})`],
    caveats: [
      'Environment variables, resource and platform settings are not rolled back.',
      'Data written by features missing in the older runtime is erased.',
      'The rollback shows as the newest deploy; find the right one by the commit in its description (`astro deploy --description <sha>`).',
      MIGRATIONS,
    ],
  }),
  octopus: ({ to }) => ({
    commands: [`octopus release deploy --project <project> --version ${to.ref} --environment <environment>`],
    caveats: [
      'The old release is re-run end to end: packages, config transforms and manual steps.',
      'It deploys with the variable snapshot taken when that release was created, unless you update the snapshot first.',
      'The database is not restored unless a step of the release handles it.',
    ],
  }),
  kubernetes: ({ to }) => ({
    commands: ['kubectl rollout history deployment/<name>', `kubectl rollout undo deployment/<name> --to-revision=<revision of ${to.ref}>`],
    caveats: [
      MIGRATIONS,
      'ConfigMaps, Secrets and other resources the deployment reads are not rolled back by `rollout undo`.',
      'If Helm or a GitOps controller manages the deployment, its next sync undoes `rollout undo`: roll back there instead (`helm rollback <release> <revision>`, or a git revert).',
    ],
  }),
  heroku: ({ to }) => ({
    commands: ['heroku releases', `heroku rollback <release of ${to.ref}>`],
    caveats: [
      'Code and config vars go back; add-ons such as databases keep their state.',
      MIGRATIONS,
      'A rollback is a new release, so the release phase (Procfile `release:`) runs again with the older code: a migrate step there does not undo newer migrations.',
    ],
  }),
};

export function rollbackPlan(platform: PlatformId, range: Range): RollbackPlan {
  return { platform, ...PLANS[platform](range) };
}

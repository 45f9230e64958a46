import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../../src/model/platform.js';
import { rollbackPlan } from '../../src/engine/rollback-plan.js';

const range = { from: { ref: 'v2', sha: 'b'.repeat(40) }, to: { ref: 'v1', sha: 'a'.repeat(40) }, toIsAncestor: true };

describe('rollback plan per platform', () => {
  it('names the command of each platform and what it does not bring back', () => {
    const plan = (id: (typeof PLATFORM_IDS)[number], r = range) => rollbackPlan(id, r);
    expect(plan('gitops').commands).toEqual([`git revert --no-edit ${'a'.repeat(40)}..${'b'.repeat(40)}`, 'git push']);
    expect(plan('gitops').caveats.join(' ')).toMatch(/merge commit in the range stops 'git revert'/);
    expect(plan('gitops', { ...range, toIsAncestor: false }).commands[0]).toBe(`git reset --hard ${'a'.repeat(40)}`);
    expect(plan('gitops', { ...range, toIsAncestor: false }).caveats.join(' ')).toMatch(/reset rewrites history/);
    expect(plan('convox').commands.at(-1)).toBe('convox releases rollback <release id of v1>');
    expect(plan('convox').caveats.join(' ')).toMatch(/target's environment variables/);
    expect(plan('astronomer').commands[0]).toMatch(/Deploy History → Rollback on the deploy of v1 \(aaaaaaa\)/);
    expect(plan('astronomer').caveats.join(' ')).toMatch(/Environment variables.*are not rolled back/);
    expect(plan('octopus').commands[0]).toContain('--version v1');
    expect(plan('octopus').caveats.join(' ')).toMatch(/variable snapshot/);
    expect(plan('kubernetes').commands.at(-1)).toMatch(/^kubectl rollout undo deployment\/<name> --to-revision=/);
    expect(plan('kubernetes').caveats.join(' ')).toMatch(/next sync undoes `rollout undo`/);
    expect(plan('heroku').commands.at(-1)).toBe('heroku rollback <release of v1>');
    expect(plan('heroku').caveats.join(' ')).toMatch(/release phase .* runs again with the older code/);
    for (const id of PLATFORM_IDS) expect(plan(id).caveats.join(' ')).toMatch(/migrations are never rolled back|database is not restored/i);
  });
});

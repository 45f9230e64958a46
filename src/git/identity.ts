import type { Repo } from './repo.js';

export interface GitUser {
  name?: string;
  email?: string;
}

/** user.name and user.email as the analysed repository's git config sees them (read only). */
export async function gitUser(repo: Repo): Promise<GitUser> {
  const read = async (key: string) => {
    try {
      return (await repo.git.raw(['config', '--get', key])).trim() || undefined;
    } catch {
      return undefined; // not set: `git config --get` exits 1
    }
  };
  const [name, email] = await Promise.all([read('user.name'), read('user.email')]);
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

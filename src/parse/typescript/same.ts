import type { Declaration, ExportTarget, ModuleApi } from './api.js';
import { compareDeclarations } from './compare.js';

/**
 * True when comparing the module with itself across the releases can find nothing: every export at `from`
 * is declared in the module at both sides (no re-export to follow) and compares equal at `to`.
 * Then the contracts analyzer need not keep both APIs of the module in memory.
 */
export function sameContract(from: ModuleApi, to: ModuleApi): boolean {
  if (from.stars.length > 0 || to.stars.length > 0) return false;
  for (const [name, target] of from.exports) {
    const before = declarationOf(from, target);
    const after = declarationOf(to, to.exports.get(name));
    if (!before || !after) return false;
    if (before.shape.kind === 'namespace' || after.shape.kind === 'namespace') return false;
    if (compareDeclarations(name, before, after).length > 0) return false;
  }
  return true;
}

function declarationOf(api: ModuleApi, target: ExportTarget | undefined): Declaration | undefined {
  if (target?.kind === 'declaration') return target.declaration;
  if (target?.kind === 'local') return api.locals.get(target.local);
  return undefined;
}

/**
 * Appends every item to `into`. `into.push(...items)` passes each item as an argument, and a list as long as a
 * repository can make it (the statements of a 5 MB migration, the exports of a generated module) overflows the
 * stack: the analyzer that held it failed, and what it had read was lost.
 */
export function append<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}

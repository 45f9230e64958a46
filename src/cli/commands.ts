// The command table: dispatch derives from it; the compiler holds it to the usage lines of help.ts.

import type { CommandName } from './help.js';

type Command = (args: string[]) => Promise<number>;

export const COMMANDS = {
  analyze: async (): Promise<Command> => (await import('./commands/analyze.js')).run,
  comment: async (): Promise<Command> => (await import('./commands/comment.js')).run,
  rules: async (): Promise<Command> => (await import('./commands/rules.js')).run,
  explain: async (): Promise<Command> => (await import('./commands/explain.js')).run,
  init: async (): Promise<Command> => (await import('./commands/init.js')).run,
} satisfies Record<CommandName, () => Promise<Command>>;

export type { CommandName };

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** The command a command line names: its first word, or the analysis when it starts with an option (or is empty). */
export function commandOf(argv: readonly string[]): string {
  const first = argv[0];
  return first === undefined || first.startsWith('-') ? 'analyze' : first;
}

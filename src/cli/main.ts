#!/usr/bin/env node
// Thin entry: parse the command, load only what it needs (TypeScript and Ink load lazily), map errors to exit codes.
import { UsageError } from '../util/errors.js';
import { stripControl } from '../util/sanitize.js';
import { COMMANDS, isCommand } from './commands.js';
import { HELP } from './help.js';
import { TOOL } from '../util/version.js';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  if (argv[0] === 'help' || (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h'))) {
    process.stdout.write(HELP);
    return 0;
  }
  // TypeScript and the SQL parser compile from V8's code cache kept by the last run (src/util/code-cache.ts).
  (await import('../util/code-cache.js')).enableCodeCache();
  const first = argv[0];
  const name = first !== undefined && isCommand(first) ? first : 'analyze';
  const args = name === first ? argv.slice(1) : argv;
  // The parsing workers load TypeScript while this thread loads the command and asks git for the change.
  if (name === 'analyze' && !args.includes('--help') && !args.includes('-h')) (await import('../parse/scripts/pool.js')).prestartWorkers();
  const command = await COMMANDS[name]();
  return command(args);
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`rollback-ready: ${stripControl(error.message)}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `rollback-ready ${TOOL.version}: internal error: ${stripControl(message.split('\n')[0] ?? '')} — rerun with --debug for details and report it\n`,
      );
    }
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${stripControl(error.stack)}\n`);
    process.exitCode = 2;
  },
);

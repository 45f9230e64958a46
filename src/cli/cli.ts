// The CLI itself: parse the command, load only what it needs (TypeScript and Ink load lazily), map errors to exit
// codes. main.ts, the entry, starts it here or in a child Node (relaunch.ts).
import { UsageError } from '../util/errors.js';
import { excerpt, stripControl } from '../util/sanitize.js';
import { warn } from './warn.js';
import { closest } from '../config/suggest.js';
import { COMMANDS, commandOf, isCommand, type CommandName } from './commands.js';
import { HELP } from './help.js';
import { TOOL } from '../util/version.js';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  const first = argv[0];
  if (first === 'help' && argv[1] !== undefined) {
    // `help <command>`: that command's own help.
    return (await COMMANDS[knownCommand(argv[1], 'help ')]())(['--help']);
  }
  if (first === 'help' || (argv.length === 1 && (first === '--help' || first === '-h'))) {
    process.stdout.write(HELP);
    return 0;
  }
  // The analysis takes no positional argument: a word first is a command, perhaps misspelt (`analyse`).
  const name = knownCommand(commandOf(argv), '');
  // TypeScript, ts-morph and the SQL parser compile from V8's code cache kept by the last run (src/util/code-cache.ts).
  (await import('../util/code-cache.js')).enableCodeCache();
  const args = name === first ? argv.slice(1) : argv;
  const command = await COMMANDS[name]();
  return command(args);
}

/**
 * stdout closed by its reader (`| head -1`) is no error: what is left to print is dropped, quietly, and the run
 * ends as it would have. Any other write error (`> /dev/full`) is one line and exit 2: the report was not written.
 */
let stdoutFailed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || stdoutFailed) return;
  stdoutFailed = true;
  // The error may come after the command has returned its code.
  process.exitCode = 2;
  warn(`cannot write the output to stdout (${error.code ?? 'write error'}) — free space or redirect stdout elsewhere`);
});
// stderr has no one left to tell.
process.stderr.on('error', () => {});

/** The command of that name, or a usage error that suggests the nearest one. */
function knownCommand(name: string, context: string): CommandName {
  if (isCommand(name)) return name;
  const names = Object.keys(COMMANDS);
  const near = closest(name, names);
  throw new UsageError(
    `${context}${excerpt(name, 80)}: no such command`,
    `${near ? `did you mean ${near}? ` : ''}commands: ${names.join(', ')} (rollback-ready --help)`,
  );
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = stdoutFailed ? 2 : code;
  },
  (error: unknown) => {
    // One line whatever the message holds: an argument or a server's text may carry newlines and escapes.
    if (error instanceof UsageError) {
      warn(error.message);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      warn(
        `internal error: ${message.split('\n')[0] ?? ''} — rerun with --debug for details and report it`,
        `rollback-ready ${TOOL.version}`,
      );
    }
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${stripControl(error.stack)}\n`);
    process.exitCode = 2;
  },
);

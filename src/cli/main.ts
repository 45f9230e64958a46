#!/usr/bin/env node
// The entry: runs the CLI (cli.ts) in this process, or, for an analysis on a machine of two cores or fewer, in a
// child Node with one V8 background thread (relaunch.ts). Nothing else loads before that choice.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { relaunchFlags, runInChild } from './relaunch.js';

const args = process.argv.slice(2);
const flags = relaunchFlags({
  argv: args,
  execArgv: process.execArgv,
  nodeOptions: process.env.NODE_OPTIONS,
  cores: availableParallelism(),
});
if (!flags || !(await runInChild(fileURLToPath(import.meta.url), flags, args))) await import('./cli.js');

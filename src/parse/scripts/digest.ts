import { readModuleApi, type ModuleApi } from '../typescript/api.js';
import { sameContract } from '../typescript/same.js';
import { envReads, type EnvRead } from '../typescript/env-reads.js';
import { mayHoldJsx } from '../kinds.js';
import { compareShapes, sameSyntax, type ShapeMode } from '../typescript/syntax.js';
import { parseScript, type Ts } from '../typescript/compiler.js';

// What the analyzers need from a script's syntax tree, read while the tree is alive and kept instead of it.
// Every script is parsed once per side (on this thread or a worker's); the trees are then dropped, so memory
// follows the size of these digests, not of the trees. Plain data: it crosses to and from worker threads.

export interface ScriptDigest {
  /** The parser itself failed (a tree too deep for the stack): nothing else was read. */
  parseFailure?: string;
  /** The first syntax error, when the script does not parse. */
  syntaxError?: { line: number; message: string };
  /**
   * The exported API (contracts analyzer). Undefined when it was not kept (see `ChangeDigest.sameContract`) or
   * could not be read (`apiError`): read it again from the text when it is needed.
   */
  api?: ModuleApi;
  apiError?: string;
  /** Environment variables the script reads (config analyzer). */
  envReads: EnvRead[];
  envError?: string;
}

export interface ChangeDigest {
  from?: ScriptDigest;
  to?: ScriptDigest;
  /** For a modified script that parses at both sides: `format` or `markup` when only layout or JSX markup differ. */
  style?: ShapeMode;
  /** Comparing the module's exports across the releases finds nothing (its APIs were not kept). */
  sameContract: boolean;
}

export interface DigestJob {
  from?: JobSide;
  to?: JobSide;
  /** Compare the two syntax trees for a formatting-only change (modified files). */
  compareStyle: boolean;
}

export interface JobSide {
  path: string;
  text: string;
  /**
   * The text's bytes when it is ASCII (one byte a character) and they lie in shared memory: a worker reads them
   * instead of being sent the text.
   */
  bytes?: Buffer;
}

type Tree = import('ts-morph').ts.SourceFile;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** The digest of one script at one side, from its syntax tree (`api`: read the exported API too). */
export function digestTree(ts: Ts, tree: Tree, text: string, api = true): ScriptDigest {
  const digest: ScriptDigest = { envReads: [] };
  const first = (tree as unknown as { parseDiagnostics?: { start?: number; messageText: unknown }[] }).parseDiagnostics?.[0];
  if (first) {
    digest.syntaxError = {
      line: first.start !== undefined ? tree.getLineAndCharacterOfPosition(first.start).line + 1 : 1,
      message: typeof first.messageText === 'string' ? first.messageText : 'parse error',
    };
  }
  if (api) {
    try {
      digest.api = readModuleApi(ts, tree);
    } catch (error) {
      digest.apiError = message(error);
    }
  }
  // Every way of reading a variable names `env`: skip the walk of scripts that never do.
  if (text.includes('env')) {
    try {
      digest.envReads = envReads(ts, tree);
    } catch (error) {
      digest.envError = message(error);
    }
  }
  return digest;
}

/** The digest of one script at one side, parsed from its text. */
export function digestScript(ts: Ts, path: string, text: string): ScriptDigest {
  const { tree, failure } = parseSide(ts, { path, text });
  return failure ?? digestTree(ts, tree!, text);
}

/** The digest of a script the parser could not read: every reader reports the failure. */
function failed(error: unknown): ScriptDigest {
  const reason = `the TypeScript parser failed: ${message(error)}`;
  return { parseFailure: reason, apiError: reason, envReads: [], envError: reason };
}

function parseSide(ts: Ts, side: { path: string; text: string } | undefined, parsed?: Tree): { tree?: Tree; failure?: ScriptDigest } {
  if (!side) return {};
  if (parsed) return { tree: parsed };
  try {
    return { tree: parseScript(ts, side.path, side.text, { parents: false }) };
  } catch (error) {
    return { failure: failed(error) };
  }
}

/**
 * Parses both sides of a changed script once (or takes the trees an analyzer already parsed from the same texts)
 * and reads everything the analyzers need from the two trees.
 * The exported APIs are read only when the contracts analyzer will compare them: both sides exist and their
 * contract shapes differ (a script present at one side only is compared when an entry re-exports it, and is
 * read again then).
 */
export function digestChange(ts: Ts, job: DigestJob, parsed?: { from?: Tree; to?: Tree }): ChangeDigest {
  const from = parseSide(ts, job.from, parsed?.from);
  const to = parseSide(ts, job.to, parsed?.to);
  const out: ChangeDigest = { sameContract: false };
  let formatSame = false;
  if (from.tree && to.tree) {
    try {
      const same = compareShapes(ts, from.tree, to.tree);
      out.sameContract = same.contract;
      formatSame = same.format;
    } catch {
      // A tree too deep to walk: compared as code, never style-only.
    }
  }
  const readApi = from.tree !== undefined && to.tree !== undefined && !out.sameContract;
  if (job.from) out.from = from.failure ?? digestTree(ts, from.tree!, job.from.text, readApi);
  if (job.to) out.to = to.failure ?? digestTree(ts, to.tree!, job.to.text, readApi);
  if (job.compareStyle && from.tree && to.tree && !out.from!.syntaxError && !out.to!.syntaxError) {
    if (formatSame) out.style = 'format';
    else if (mayHoldJsx(job.from!.path) && sameShape(ts, from.tree, to.tree, 'markup')) out.style = 'markup';
  }
  if (out.from?.api && out.to?.api && sameContract(out.from.api, out.to.api)) {
    out.sameContract = true;
    delete out.from.api;
    delete out.to.api;
  }
  return out;
}

/** Same shape in the mode; a tree too deep to walk counts as different (never style-only, always compared). */
function sameShape(ts: Ts, from: Tree, to: Tree, mode: ShapeMode): boolean {
  try {
    return sameSyntax(ts, from, to, mode);
  } catch {
    return false;
  }
}

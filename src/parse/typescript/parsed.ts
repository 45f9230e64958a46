import type { SourceFile, ts as TsNamespace } from 'ts-morph';
import { parseScript, tsMorph, typescript } from './compiler.js';

/**
 * One script parsed once: TypeScript's syntax tree (parent links set), and ts-morph's view of that same tree
 * for the analyzers that walk code with its wrappers. Every analyzer that reads the script shares it.
 */
export interface ParsedScript {
  path: string;
  text: string;
  /** Undefined when TypeScript's parser itself failed (a tree too deep for the stack): `failure` says how. */
  syntax: TsNamespace.SourceFile | undefined;
  failure?: string;
  /** The first syntax error, when the script does not parse cleanly. */
  syntaxError?: { line: number; message: string };
  /** ts-morph's wrapper of `syntax`, made on first use (no second parse); undefined when the parse failed. */
  morph(): SourceFile | undefined;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** Parses a script (TS, TSX, JS or JSX, by its name). Never throws: a parser failure is in `failure`. */
export function parseScriptFile(path: string, text: string): ParsedScript {
  const ts = typescript();
  let syntax: TsNamespace.SourceFile | undefined;
  let failure: string | undefined;
  try {
    syntax = parseScript(ts, path, text);
  } catch (error) {
    failure = `the TypeScript parser failed: ${firstLine(error)}`;
  }
  let wrapped: SourceFile | undefined;
  return {
    path,
    text,
    syntax,
    ...(failure !== undefined ? { failure } : {}),
    ...(syntax ? syntaxErrorOf(syntax) : {}),
    morph: () => (syntax ? (wrapped ??= tsMorph().createWrappedNode(syntax) as SourceFile) : undefined),
  };
}

function syntaxErrorOf(tree: TsNamespace.SourceFile): { syntaxError?: { line: number; message: string } } {
  const first = (tree as unknown as { parseDiagnostics?: { start?: number; messageText: unknown }[] }).parseDiagnostics?.[0];
  if (!first) return {};
  return {
    syntaxError: {
      line: first.start !== undefined ? tree.getLineAndCharacterOfPosition(first.start).line + 1 : 1,
      message: typeof first.messageText === 'string' ? first.messageText : 'parse error',
    },
  };
}

import { Node } from '../../../parse/typescript/morph.js';
import type { Expression, SourceFile } from 'ts-morph';
import type { Side } from '../../../model/report.js';
import type { CodeReader } from './code-context.js';
import { exportsOf, importsOf, topLevel, type ImportedValues } from './static.js';

/**
 * Constants imported from other modules of the repository (`import { API_PREFIX } from '@/config'`), for the
 * static evaluation of paths and prefixes: a module is loaded when an evaluation asks for one of its names,
 * then the evaluation runs again (see `evaluateWithImports`).
 */
export class ImportedConstants {
  private readonly loaded = new Map<string, SourceFile | null>();

  constructor(
    private readonly reader: CodeReader,
    private readonly side: Side,
  ) {}

  private pathOf(source: SourceFile): string {
    return source.compilerNode.fileName;
  }

  /** An ImportedValues view; `missing` collects what must be loaded before asking again. */
  view(): ImportedValues {
    const missing = new Set<string>();
    return {
      missing,
      lookup: (source, name) => {
        const binding = importsOf(source).get(name);
        if (!binding || binding.name === '*') return undefined;
        const key = `${this.pathOf(source)}\0${binding.module}`;
        const target = this.loaded.get(key);
        if (target === undefined) {
          missing.add(key);
          return undefined;
        }
        if (target === null) return undefined;
        const local = exportsOf(target).get(binding.name);
        const declared = local ? topLevel(target, local) : undefined;
        if (declared && Node.isVariableDeclaration(declared)) return declared.getInitializer();
        return declared && Node.isEnumDeclaration(declared) ? (declared as unknown as Expression) : undefined;
      },
    };
  }

  async load(keys: Iterable<string>): Promise<void> {
    for (const key of keys) {
      if (this.loaded.has(key)) continue;
      const [from, module] = key.split('\0') as [string, string];
      const target = await this.reader.resolve(this.side, from, module);
      this.loaded.set(key, (target && (await this.reader.source(this.side, target))) || null);
    }
  }
}

/** Runs a synchronous reading until it no longer asks for unloaded modules (at most three rounds). */
export async function evaluateWithImports<T>(constants: ImportedConstants, read: (imported: ImportedValues) => T): Promise<T> {
  let view = constants.view();
  let result = read(view);
  for (let round = 0; round < 3 && view.missing.size > 0; round++) {
    await constants.load(view.missing);
    view = constants.view();
    result = read(view);
  }
  return result;
}

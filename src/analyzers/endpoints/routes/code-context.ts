import type { SourceFile } from 'ts-morph';
import type { Release } from '../../analyzer.js';
import type { Side } from '../../../model/report.js';
import { isScript } from '../../../parse/kinds.js';

/** Reads and parses script files at one side, once, within a budget of unchanged files. */
export class CodeReader {
  private readonly cache = new Map<string, Promise<SourceFile | undefined>>();
  private readonly listings = new Map<string, Promise<string[]>>();
  reads = 0;

  constructor(
    readonly release: Release,
    readonly budget = 200,
  ) {}

  source(side: Side, path: string): Promise<SourceFile | undefined> {
    const key = `${side}\0${path}`;
    let result = this.cache.get(key);
    if (!result) {
      result = (async () => {
        if (!isScript(path)) return undefined;
        if (this.reads >= this.budget) return undefined;
        this.reads += 1;
        const content = await this.release.readPath(side, path);
        return content.text === undefined ? undefined : this.release.sourceFile(side, path, content.text);
      })();
      this.cache.set(key, result);
    }
    return result;
  }

  async firstExisting(side: Side, candidates: string[]): Promise<{ path: string; source: SourceFile } | undefined> {
    for (const path of candidates) {
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      if (!(await this.list(side, dir)).includes(path)) continue;
      const source = await this.source(side, path);
      if (source) return { path, source };
    }
    return undefined;
  }

  /** Files directly in `dir` (not in sub-folders). */
  list(side: Side, dir: string): Promise<string[]> {
    const key = `${side}\0${dir}`;
    let result = this.listings.get(key);
    if (!result) {
      const depth = dir ? dir.split('/').length + 1 : 1;
      result = this.release.listFiles(side, dir).then((paths) => paths.filter((p) => p.split('/').length === depth), () => []);
      this.listings.set(key, result);
    }
    return result;
  }
}

// The API reader writes the commonest declaration heads and types itself instead of calling TypeScript's
// printer (a tenth of a millisecond a module). Whatever it writes must be exactly what the printer writes: the
// evidence in reports, and the types compared, must not depend on which path a declaration took.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModuleApi, type ModuleApi } from '../../../src/parse/typescript/api.js';
import { parseScript, typescript } from '../../../src/parse/typescript/compiler.js';
import { PACKAGE_ROOT } from '../../../src/util/version.js';

const ts = typescript();

const CASES = `
export function plain(a: string, b?: number, ...rest: any): void { return; }
export default function named(this: Window, x: Foo): Bar { return x; }
export async function later(): Promise<void> {}
export declare function declared(a: string): number;
export function over(a: string): string;
export function over(a: number): number;
export function over(a: any): any { return a; }
export function generic<T>(a: T): T { return a; }
export function* counter(): Generator<number> { yield 1; }
export function withDefault(a = 1, { b }: { b: string }): void {}
export function \\u0061lias(a: string): string { return a; }
export interface Shape {
  readonly id: number;
  name?: string;
  untyped;
  method(a: string): void;
  optionalMethod?(): Foo;
  generic<T>(a: T): T;
  [key: string]: unknown;
  new (a: string): Shape;
  (call: number): string;
}
export abstract class Base {
  static readonly count: number;
  protected label?: string;
  private secret!: string;
  #hidden: number;
  value = 5;
  @decorated decoratedProp: string;
  constructor(public readonly id: number, private name?: string) {}
  abstract run(): void;
  async start(a: string, b: Foo): Promise<Bar> { return b; }
  static create(): Base { return undefined as never; }
  get size(): number { return 1; }
  set size(v: number) {}
  *items(): Iterable<string> {}
  override toString(): string { return ''; }
}
export type Alias = { a: string; b?: number };
export const arrow = (a: string): number => 1;
export const bare = a => a;
`;

// Composite forms: generics, overloads, default values, decorators, comments and line breaks inside types and
// lists, both quotes, tuples and binding patterns.
const COMPOSITE = `
export function pick<T extends object, K extends keyof T = keyof T>(from: T, ...keys: K[]): Pick<T, K> { return from; }
export function overloaded(a: string): string;
export function overloaded(a: number, b?: Array<number>): number;
export function overloaded(a: any, b?: any): any { return a; }
export function defaults(limit = 10, { skip = 0, take }: { skip?: number; take: number } = { take: 5 }, [first, , third]: string[] = [], flags = ['a', 'b',]): void {}
export function multiLine(
  options: {
    // a comment inside a type
    name: string, /* and another */ tags?: readonly string[];
    nested: { deep: [a: number, b?: string, ...rest: boolean[]] };
  },
  list = [
    1, 2,
  ],
  late = [1,
    2
  ],
): asserts options is { name: 'single' | "double" } {}
export const arrow = async <T,>(value: T, cb: (err: Error | null, v?: T) => void): Promise<T | undefined> => value;
export const simple = x => x;
export const wrapped = (x) => x;
export class Entity {
  @Column({ type: 'varchar', nullable: true, }) name: string | null;
  @ManyToOne(() => Region, (region) => region.carts, { cascade: ['insert'] })
  @JoinColumn({ name: "region_id" })
  region?: Region;
  @Index() public readonly code!: \`\${number}\`;
  static readonly Events = { CREATED: 'entity.created', UPDATED: "entity.updated" };
  protected tuple: [string, number] = ['a', -1];
  empty: [] = [];
  constructor(@Inject('token') private readonly repo: Repository<Entity>, public label = "x") {}
  get size(): number { return 1; }
  set size(v: number) {}
  abstract get kind(): 'a' | 'b';
  @Get('/:id') async find<T>(@Param('id') id: string, opts: Partial<Record<keyof T, boolean>> = {}): Promise<T extends Entity ? T : never> { return null as never; }
  check(value: unknown): value is Entity { return true; }
}
export interface Api {
  get<T = unknown>(path: \`/\${string}\`, query?: { [key: string]: string | number }): Promise<{ data: T; status: 200 | 404 }>;
  get(path: string): Promise<unknown>;
  'quoted-name'?: "a" | 'b';
  readonly [index: number]: Api['get'];
  empty: {};
  fn: new (a: string) => Api;
  cond: Api extends infer U extends object ? U[] : never;
}
export type Mapped = { readonly [K in keyof Api]?: Api[K] };
export enum Level { Low = 1, High = Low << 2, Named = 'named' }
export type Forms = {
  mapped: { -readonly [K in keyof Api as \`get\${Capitalize<K & string>}\`]-?: Api[K] };
  plus: { +readonly [K in 'a' | 'b']+?: K };
  template: \`fp_\${string}_\${number}\`;
  ctor: abstract new <T>(...args: any[]) => T;
};
export class Checked { value = null!; }
`;

function textsOf(api: ModuleApi, out: string[] = []): string[] {
  for (const declaration of api.locals.values()) {
    out.push(declaration.text);
    const shape = declaration.shape;
    if (shape.kind === 'interface' || shape.kind === 'class') for (const member of shape.members.values()) out.push(member.text);
    if (shape.kind === 'namespace') textsOf(shape.module, out);
  }
  return out;
}

/** TypeScript files of the tool and of its dependencies: real code with bodies and real declaration files. */
function corpus(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:[cm]?ts|tsx)$/.test(name)) found.push(path);
    }
  };
  for (const dir of [
    'src',
    'rules',
    'test',
    ...['@types', 'typescript/lib', 'zod', 'ink/build', 'vitest/dist', 'simple-git', '@octokit'].map((d) => join('node_modules', d)),
  ]) {
    walk(join(PACKAGE_ROOT, dir));
  }
  return found.sort();
}

describe('declaration text written without the printer', () => {
  it('is what the printer writes, for every form of head and member', () => {
    const source = parseScript(ts, 'cases.ts', CASES);
    const plain = readModuleApi(ts, source);
    expect(plain).toEqual(readModuleApi(ts, source, true));
    const texts = textsOf(plain);
    expect(texts).toEqual(
      expect.arrayContaining([
        'export function plain(a: string, b?: number, ...rest: any): void',
        'export default function named(this: Window, x: Foo): Bar',
        'export declare function declared(a: string): number;',
        'export function \\u0061lias(a: string): string',
        'readonly id: number;',
        'name?: string;',
        'untyped;',
        'optionalMethod?(): Foo;',
        'static readonly count: number;',
        'protected label?: string;',
        'abstract run(): void;',
        'async start(a: string, b: Foo): Promise<Bar>',
      ]),
    );
  });

  it('is what the printer writes for composite types, parameters, decorators and literals', () => {
    const source = parseScript(ts, 'composite.ts', COMPOSITE);
    const plain = readModuleApi(ts, source);
    expect(plain).toEqual(readModuleApi(ts, source, true));
    const texts = textsOf(plain);
    for (const declaration of plain.locals.values()) {
      const shape = declaration.shape;
      const signatures =
        shape.kind === 'function'
          ? shape.signatures
          : shape.kind === 'class'
            ? [...shape.ctors, ...[...shape.members.values()].flatMap((m) => m.signatures)]
            : [];
      for (const s of signatures) texts.push(...s.params.map((p) => p.display), s.returns);
      if (shape.kind === 'interface' || shape.kind === 'class') for (const m of shape.members.values()) texts.push(m.type);
      if (shape.kind === 'interface') for (const m of shape.index.values()) texts.push(m.text);
    }
    expect(texts).toEqual(
      expect.arrayContaining([
        'export function pick<T extends object, K extends keyof T = keyof T>(from: T, ...keys: K[]): Pick<T, K>',
        'export function overloaded(a: string): string;; export function overloaded(a: number, b?: Array<number>): number;',
        "export function defaults(limit = 10, { skip = 0, take }: { skip?: number; take: number; } = { take: 5 }, [first, , third]: string[] = [], flags = ['a', 'b',]): void",
        // Comments dropped; a line break after `[` is kept as a space before `]`, one before `]` alone too.
        'options: { name: string; tags?: readonly string[]; nested: { deep: [ a: number, b?: string, ...rest: boolean[] ]; }; }',
        'list = [ 1, 2, ]',
        'late = [1, 2 ]',
        'asserts options is { name: \'single\' | "double"; }',
        'const arrow = async <T,>(value: T, cb: (err: Error | null, v?: T)',
        'const simple = x',
        'const wrapped = (x)',
        'cb: (err: Error | null, v?: T) => void',
        "@Column({ type: 'varchar', nullable: true, }) name: string | null;",
        '@ManyToOne(() => Region, (region) => region.carts, { cascade: [\'insert\'] }) @JoinColumn({ name: "region_id" }) region?: Region;',
        '@Index() public readonly code!: `${number}`;',
        'static readonly Events = { CREATED: \'entity.created\', UPDATED: "entity.updated" };',
        "protected tuple: [ string, number ] = ['a', -1];",
        'empty: [ ] = [];',
        "@Inject('token') private readonly repo: Repository<Entity>",
        'public label = "x"',
        'get size(): number',
        "abstract get kind(): 'a' | 'b';",
        // A decorated parameter after `(` starts on a new line.
        "@Get('/:id') async find<T>( @Param('id') id: string, opts: Partial<Record<keyof T, boolean>> = {}): Promise<T extends Entity ? T : never>",
        'check(value: unknown): value is Entity',
        'get<T = unknown>(path: `/${string}`, query?: { [key: string]: string | number; }): Promise<{ data: T; status: 200 | 404; }>;',
        "'quoted-name'?: \"a\" | 'b';",
        "readonly [index: number]: Api['get'];",
        'empty: {};',
        'fn: new (a: string) => Api;',
        'cond: Api extends infer U extends object ? U[] : never;',
        'type Mapped = { readonly [K in keyof Api]?: Api[K]; }',
        'mapped: { -readonly [K in keyof Api as `get${Capitalize<K & string>}`]-?: Api[K]; };',
        "plus: { +readonly [K in 'a' | 'b']+?: K; };",
        'template: `fp_${string}_${number}`;',
        'ctor: abstract new <T>(...args: any[]) => T;',
        'value = null!;',
      ]),
    );
  });

  it('is what the printer writes on the TypeScript files of the tool and its dependencies', () => {
    let compared = 0;
    const differing: string[] = [];
    for (const path of corpus()) {
      const source = parseScript(ts, path, readFileSync(path, 'utf8'));
      const plain = readModuleApi(ts, source);
      const printed = readModuleApi(ts, source, true);
      compared += textsOf(printed).length;
      try {
        expect(plain).toEqual(printed);
      } catch {
        differing.push(path);
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
  });
});

// Glob matching in time linear in the path: the repository's configuration (ignore, custom rules, spec and
// migration globs, the tag pattern) and its package.json workspaces are untrusted, and a glob such as
// `*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b` compiled to a backtracking regular expression runs for minutes on a long
// name. Here a glob becomes a small automaton (one state per element of the glob) that reads a path once,
// character by character, keeping the set of states it can be in: at most (path length × states) steps.
//
// The syntax is picomatch's, but for extglobs: `*` (any characters but `/`), `?` (one), `[abc]`, `[a-z]`,
// `[!a]`/`[^a]`, `[[:alpha:]]` (never `/`), `**` as a whole segment (any number of segments, none included),
// `{a,b}` and `{1..3}` (expanded), `\` escaping the next character, and a leading `!` negating the glob.
// Without `dot`, wildcards do not match a `.` that starts a segment. Extglobs (`@(a|b)`, `!(a)`, `+(a)` …)
// are refused by the configuration's validation (globProblem) and read as plain characters elsewhere.

export interface GlobOptions {
  /** Wildcards match names that start with a dot. */
  dot?: boolean;
  /** Globs whose matches are left out. */
  ignore?: string | readonly string[];
}

/** The longest glob accepted, in characters. */
export const MAX_GLOB_LENGTH = 1000;
/** The most globs one glob expands to through its braces. */
export const MAX_GLOB_ALTERNATIVES = 256;

/** Why a glob cannot be used (too long, too many alternatives, an extglob), or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  if (/(?<!\\)[@!+*?]\(/.test(glob.replace(/^!/, '')))
    return 'uses an extglob (@(…), !(…), +(…), *(…), ?(…)), which is not supported: use {a,b} or several globs';
  if (expandBraces(glob) === undefined) return `expands to more than ${MAX_GLOB_ALTERNATIVES} globs through its braces`;
  return undefined;
}

/**
 * A test of paths against globs: true when any of them matches (a `!glob` matches what `glob` does not, as in
 * picomatch), and none of `ignore` does. A glob that globProblem refuses matches nothing.
 */
export function globMatcher(globs: string | readonly string[], options: GlobOptions = {}): (path: string) => boolean {
  const list = typeof globs === 'string' ? [globs] : globs;
  const dot = options.dot ?? false;
  const positive = compile(
    list.filter((g) => !isNegated(g)),
    dot,
  );
  const negated = list.filter(isNegated).map((g) => compile([g.slice(1)], dot));
  const ignore = options.ignore === undefined ? undefined : globMatcher(options.ignore, { dot });
  return (path) => (positive.matches(path) || negated.some((m) => !m.matches(path))) && !(ignore && ignore(path));
}

/** The folder a glob starts from: its leading segments without a wildcard (`packages/*` → `packages`). */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!\\]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}

const isNegated = (glob: string) => glob.startsWith('!') && !glob.startsWith('!(');

/** Expands `{a,b}` and `{1..3}` (nested too); undefined past MAX_GLOB_ALTERNATIVES. */
function expandBraces(glob: string): string[] | undefined {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, parts } = open;
  const out: string[] = [];
  for (const part of parts) {
    const expanded = expandBraces(glob.slice(0, start) + part + glob.slice(end + 1));
    if (!expanded || out.push(...expanded) > MAX_GLOB_ALTERNATIVES) return undefined;
  }
  return out;
}

/** The first brace group that expands: where it is and its alternatives. */
function findBrace(glob: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') {
      start++;
      continue;
    }
    if (glob[start] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < glob.length; i++) {
      const c = glob[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === ',' && depth === 1) commas.push(i);
      else if (c === '}' && --depth === 0) {
        const body = glob.slice(start + 1, i);
        if (commas.length > 0) {
          const bounds = [start, ...commas, i];
          return { start, end: i, parts: bounds.slice(0, -1).map((b, k) => glob.slice(b + 1, bounds[k + 1])) };
        }
        const range = rangeOf(body);
        if (range) return { start, end: i, parts: range };
        break;
      }
    }
  }
  return undefined;
}

/** `1..3` → 1, 2, 3; `a..c` → a, b, c; undefined for anything else (kept as written). */
function rangeOf(body: string): string[] | undefined {
  const numbers = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  const letters = /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(body);
  if (!numbers && !letters) return undefined;
  const [from, to] = numbers ? [Number(numbers[1]), Number(numbers[2])] : [letters![1]!.charCodeAt(0), letters![2]!.charCodeAt(0)];
  // Too many: as many alternatives as it takes to be refused, no more.
  if (Math.abs(to - from) >= MAX_GLOB_ALTERNATIVES) return Array.from({ length: MAX_GLOB_ALTERNATIVES + 1 }, () => '');
  const step = from <= to ? 1 : -1;
  const out: string[] = [];
  for (let n = from; n !== to + step; n += step) out.push(numbers ? String(n) : String.fromCharCode(n));
  return out;
}

/** A state of the automaton: what it reads (if anything) and where it goes. */
interface State {
  /** Takes one character (`prev`: the one before it, undefined at the start of the path) to `to`. */
  test?: (c: string, prev: string | undefined) => boolean;
  to: number[];
  /** Where it goes without reading. */
  free: number[];
}

interface Automaton {
  matches(path: string): boolean;
}

const NEVER: Automaton = { matches: () => false };

/** One automaton for all the globs (and every alternative of their braces). */
function compile(globs: readonly string[], dot: boolean): Automaton {
  const states: State[] = [];
  const starts: number[] = [];
  const accept = new Set<number>();
  for (const glob of globs) {
    if (glob.length > MAX_GLOB_LENGTH) continue;
    const alternatives = expandBraces(glob);
    if (!alternatives) continue;
    for (const alternative of alternatives) {
      // `./src/*` is `src/*`.
      const { start, end } = build(tokens(alternative.replace(/^(?:\.\/)+(?=.)/, '')), states, dot);
      starts.push(start);
      accept.add(end);
    }
  }
  if (starts.length === 0) return NEVER;
  return { matches: (path) => run(states, starts, accept, path) };
}

type Token = { kind: 'char'; test: (c: string) => boolean; wild: boolean } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'slash' };

const POSIX_CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /\s/.test(c),
  word: (c) => /\w/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
};

/** The glob as characters, wildcards, globstars and slashes. */
function tokens(glob: string): Token[] {
  const out: Token[] = [];
  const chars = [...glob];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && i + 1 < chars.length) {
      const literal = chars[++i]!;
      out.push({ kind: 'char', test: (x) => x === literal, wild: false });
    } else if (c === '/') out.push({ kind: 'slash' });
    else if (c === '*') {
      let j = i;
      while (chars[j + 1] === '*') j++;
      const whole = j === i + 1 && (i === 0 || chars[i - 1] === '/') && (j + 1 === chars.length || chars[j + 1] === '/');
      out.push({ kind: whole ? 'globstar' : 'star' });
      i = j;
    } else if (c === '?') out.push({ kind: 'char', test: (x) => x !== '/', wild: true });
    else if (c === '[') {
      const parsed = bracket(chars, i);
      if (parsed) {
        out.push({ kind: 'char', test: parsed.test, wild: true });
        i = parsed.end;
      } else out.push({ kind: 'char', test: (x) => x === '[', wild: false });
    } else out.push({ kind: 'char', test: (x) => x === c, wild: false });
  }
  return out;
}

/** A bracket expression starting at `start`: its test and where it ends; undefined when it does not close. */
function bracket(chars: string[], start: number): { test: (c: string) => boolean; end: number } | undefined {
  let i = start + 1;
  const negate = chars[i] === '!' || chars[i] === '^';
  if (negate) i++;
  const tests: ((c: string) => boolean)[] = [];
  let first = true;
  for (; i < chars.length; i++, first = false) {
    const c = chars[i]!;
    if (c === ']' && !first) {
      const test = (x: string) => x !== '/' && tests.some((t) => t(x)) !== negate;
      return { test, end: i };
    }
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      const name = close > 0 && chars[close + 1] === ']' ? chars.slice(i + 2, close).join('') : '';
      if (POSIX_CLASSES[name]) {
        tests.push(POSIX_CLASSES[name]);
        i = close + 1;
        continue;
      }
    }
    const low = c === '\\' && i + 1 < chars.length ? chars[++i]! : c;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      const high = chars[i + 2] === '\\' && i + 3 < chars.length ? chars[i + 3]! : chars[i + 2]!;
      i += chars[i + 2] === '\\' ? 3 : 2;
      tests.push((x) => x >= low && x <= high);
    } else tests.push((x) => x === low);
  }
  return undefined;
}

/** Appends the states of one glob; returns its first state and its accepting one. */
function build(list: Token[], states: State[], dot: boolean): { start: number; end: number } {
  const add = (state: Omit<State, 'free'>) => states.push({ ...state, free: [] }) - 1;
  const empty = () => add({ to: [] });
  const link = (from: number, to: number) => states[from]!.free.push(to);
  // A wildcard never takes the `.` that starts a segment, unless `dot`.
  const allowed = (c: string, prev: string | undefined) => dot || c !== '.' || (prev !== undefined && prev !== '/');
  const start = empty();
  let last = start;
  /** A state reading one character with `test`, after `last`; the state after it becomes `last`. */
  const step = (test: NonNullable<State['test']>) => {
    const after = empty();
    link(last, add({ test, to: [after] }));
    last = after;
  };
  /** A state looping on what `test` takes, after `last` (which it becomes): `*` and `**`. */
  const loop = (test: NonNullable<State['test']>) => {
    const at = add({ test, to: [] });
    states[at]!.to.push(at);
    link(last, at);
    last = at;
  };
  // Stars that begin the current segment: after them, even a literal `.` may not start it (`*.ts` does not
  // match `.ts`), as in picomatch.
  let leadingStars = 0;
  for (let k = 0; k < list.length; k++) {
    const token = list[k]!;
    switch (token.kind) {
      case 'char':
        step(token.wild || leadingStars > 0 ? (c, prev) => token.test(c) && allowed(c, prev) : (c) => token.test(c));
        leadingStars = -1;
        break;
      case 'star':
        loop((c, prev) => c !== '/' && allowed(c, prev));
        if (leadingStars >= 0) leadingStars++;
        break;
      case 'slash':
        leadingStars = 0;
        if (list[k + 1]?.kind === 'globstar' && k + 2 === list.length) {
          // A trailing `/**`: nothing more at all (`a/**` matches `a`), or a slash and anything after it.
          const before = last;
          step((c) => c === '/');
          loop(allowed);
          const end = empty();
          link(last, end);
          link(before, end);
          last = end;
          k++;
        } else step((c) => c === '/');
        break;
      case 'globstar':
        leadingStars = 0;
        if (list[k + 1]?.kind === 'slash') {
          // `**/`: nothing (`a/**/b` matches `a/b`), or any characters ending with a slash.
          const before = last;
          loop(allowed);
          step((c) => c === '/');
          link(before, last);
          k++;
        } else loop(allowed);
    }
  }
  return { start, end: last };
}

/** Runs the automaton over the path: the set of states after each character, free moves followed. */
function run(states: State[], starts: readonly number[], accept: ReadonlySet<number>, path: string): boolean {
  const seen = new Int32Array(states.length).fill(-1);
  let round = 0;
  let current: number[] = [];
  const reach = (from: number, into: number[]) => {
    const stack = [from];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen[s] === round) continue;
      seen[s] = round;
      into.push(s);
      for (const f of states[s]!.free) stack.push(f);
    }
  };
  for (const s of starts) reach(s, current);
  let prev: string | undefined;
  for (const c of path) {
    round++;
    const next: number[] = [];
    for (const s of current) {
      const state = states[s]!;
      if (state.test && state.test(c, prev)) for (const t of state.to) reach(t, next);
    }
    if (next.length === 0) return false;
    current = next;
    prev = c;
  }
  return current.some((s) => accept.has(s));
}

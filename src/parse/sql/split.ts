// Splits a SQL script into statements, with each dialect's own lexical rules: quotes, dollar quotes,
// comments (which nest in PostgreSQL and SQL Server, not in MySQL), MySQL's executable comments and
// DELIMITER, SQL Server's GO, and BEGIN … END bodies of routines. One pass, linear in the input.
// A statement that runs to the end of the input without being closed is marked incomplete: what
// cannot be read to its end is never passed as read.
import type { SqlDialect } from '../../model/sql.js';

export interface SqlStatement {
  /** The statement as written (comments kept), without its delimiter. */
  text: string;
  /** The statement with comments blanked out, for token reading. */
  code: string;
  /** 1-based line of the statement's first token. */
  line: number;
  /** Why the statement could not be read to its end (an unterminated quote, comment, body or DELIMITER). */
  incomplete?: string;
}

export interface SplitOptions {
  /** Lexical rules of this dialect; PostgreSQL when unset. */
  dialect?: SqlDialect;
}

interface Lexis {
  /** `--` starts a comment only when followed by white space or a control character (MySQL). */
  dashNeedsSpace: boolean;
  hashComments: boolean;
  nestedComments: boolean;
  /** `/*!50000 … *\/` and `/*M! … *\/` are code (MySQL, MariaDB). */
  executableComments: boolean;
  backslashEscapes: boolean;
  dollarQuotes: boolean;
  bracketQuotes: boolean;
  delimiterCommand: boolean;
  goBatches: boolean;
}

const LEXIS: Record<SqlDialect, Lexis> = {
  postgresql: {
    dashNeedsSpace: false,
    hashComments: false,
    nestedComments: true,
    executableComments: false,
    backslashEscapes: false,
    dollarQuotes: true,
    bracketQuotes: false,
    delimiterCommand: false,
    goBatches: false,
  },
  mysql: {
    dashNeedsSpace: true,
    hashComments: true,
    nestedComments: false,
    executableComments: true,
    backslashEscapes: true,
    dollarQuotes: false,
    bracketQuotes: false,
    delimiterCommand: true,
    goBatches: false,
  },
  sqlite: {
    dashNeedsSpace: false,
    hashComments: false,
    nestedComments: false,
    executableComments: false,
    backslashEscapes: false,
    dollarQuotes: false,
    bracketQuotes: true,
    delimiterCommand: false,
    goBatches: false,
  },
  sqlserver: {
    dashNeedsSpace: false,
    hashComments: false,
    nestedComments: true,
    executableComments: false,
    backslashEscapes: false,
    dollarQuotes: false,
    bracketQuotes: true,
    delimiterCommand: false,
    goBatches: true,
  },
  clickhouse: {
    dashNeedsSpace: false,
    hashComments: true,
    nestedComments: false,
    executableComments: false,
    backslashEscapes: true,
    dollarQuotes: false,
    bracketQuotes: false,
    delimiterCommand: false,
    goBatches: false,
  },
};

const ROUTINE_HEAD =
  /^\s*(?:CREATE|ALTER)\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TRIGGER|PROCEDURE|PROC|FUNCTION|EVENT)\b/i;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;
const EXECUTABLE = /^\/\*M?!\d*/;
const GO_LINE = /^[ \t]*GO(?:[ \t]+\d+)?[ \t]*(?:--[^\n]*)?(?:\r?\n|$)/i;
const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordChar = (c: number) => isWordStart(c) || (c >= 48 && c <= 57) || c === 36;
const isSpaceOrControl = (c: number | undefined) => c === undefined || Number.isNaN(c) || c <= 32;

export function splitStatements(input: string, options: SplitOptions = {}): SqlStatement[] {
  const lexis = LEXIS[options.dialect ?? 'postgresql'];
  const out: SqlStatement[] = [];
  let delimiter = ';';
  let start = 0;
  let code = '';
  let firstLine = 0;
  let line = 1;
  let depth = 0;
  /** Whether the statement is a routine whose BEGIN … END body holds semicolons; tested once per statement. */
  let routine: boolean | undefined;
  let executable = false;
  let i = 0;
  const n = input.length;

  const flush = (end: number, incomplete?: string) => {
    const text = input.slice(start, end).trim();
    // An unterminated comment or quote is kept even when no code came before it: it hides the rest of the file.
    if (code.trim() !== '' || incomplete)
      out.push({ text, code: code.trim(), line: firstLine || line, ...(incomplete ? { incomplete } : {}) });
    code = '';
    firstLine = 0;
    depth = 0;
    routine = undefined;
  };
  const keep = (s: string) => {
    if (firstLine === 0 && s.trim() !== '') firstLine = line;
    code += s;
  };
  const blank = (s: string) => {
    code += s.replace(/[^\n]/g, ' ');
  };
  const advanceLines = (s: string) => {
    for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 10) line++;
  };
  /** The statement began and the input ended inside a quote, comment or body: keep it, marked. */
  const unterminated = (what: string) => {
    if (firstLine === 0) firstLine = line;
    code += ' ';
    flush(n, what);
    i = n;
  };

  while (i < n) {
    const ch = input[i]!;
    const atLineStart = i === 0 || input[i - 1] === '\n';
    // DELIMITER applies at the start of a statement, on its own line (a mysql client command).
    if (lexis.delimiterCommand && firstLine === 0 && (ch === 'D' || ch === 'd') && /^delimiter[ \t]/i.test(input.slice(i, i + 10))) {
      const eol = input.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      const value = input.slice(i + 10, end).trim();
      if (value !== '') delimiter = value;
      i = end;
      start = end;
      code = '';
      continue;
    }
    if (lexis.goBatches && atLineStart && (ch === 'G' || ch === 'g') && depth === 0) {
      const go = GO_LINE.exec(input.slice(i, i + 80));
      if (go) {
        flush(i);
        advanceLines(go[0]);
        i += go[0].length;
        start = i;
        continue;
      }
    }
    if (ch === '-' && input[i + 1] === '-' && (!lexis.dashNeedsSpace || isSpaceOrControl(input.charCodeAt(i + 2)))) {
      const eol = input.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      blank(input.slice(i, end));
      i = end;
      continue;
    }
    if (ch === '#' && lexis.hashComments) {
      const eol = input.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      blank(input.slice(i, end));
      i = end;
      continue;
    }
    if (ch === '*' && input[i + 1] === '/' && executable) {
      executable = false;
      blank('*/');
      i += 2;
      continue;
    }
    if (ch === '/' && input[i + 1] === '*') {
      const opener = lexis.executableComments ? EXECUTABLE.exec(input.slice(i, i + 12)) : null;
      if (opener) {
        // MySQL runs what is inside: the comment markers are blanked, the content is code.
        executable = true;
        blank(opener[0]);
        i += opener[0].length;
        continue;
      }
      let level = 1;
      let j = i + 2;
      while (j < n && level > 0) {
        if (lexis.nestedComments && input[j] === '/' && input[j + 1] === '*') {
          level++;
          j += 2;
        } else if (input[j] === '*' && input[j + 1] === '/') {
          level--;
          j += 2;
        } else j++;
      }
      if (level > 0) {
        unterminated('a /* comment is never closed');
        continue;
      }
      const piece = input.slice(i, j);
      blank(piece);
      advanceLines(piece);
      i = j;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`' || (ch === '[' && lexis.bracketQuotes)) {
      const close = ch === '[' ? ']' : ch;
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const c = input[j]!;
        if (c === '\\' && lexis.backslashEscapes && ch !== '`' && ch !== '[') {
          j += 2;
          continue;
        }
        if (c === close) {
          if (input[j + 1] === close) {
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) {
        keep(ch);
        unterminated(`a ${ch === "'" ? 'string' : 'quoted name'} opened with ${ch} is never closed`);
        continue;
      }
      const piece = input.slice(i, j + 1);
      keep(piece);
      advanceLines(piece);
      i = j + 1;
      continue;
    }
    if (ch === '$' && lexis.dollarQuotes) {
      const tag = DOLLAR_TAG.exec(input.slice(i, i + 66));
      if (tag && (i === 0 || !isWordChar(input.charCodeAt(i - 1)))) {
        const close = input.indexOf(tag[0], i + tag[0].length);
        if (close === -1) {
          keep(tag[0]);
          unterminated(`the dollar quote ${tag[0]} is never closed`);
          continue;
        }
        const end = close + tag[0].length;
        const piece = input.slice(i, end);
        keep(piece);
        advanceLines(piece);
        i = end;
        continue;
      }
    }
    if (isWordStart(input.charCodeAt(i)) && (i === 0 || !isWordChar(input.charCodeAt(i - 1)))) {
      let j = i + 1;
      // A custom delimiter may follow a word directly (`END$$`): the word stops there.
      while (j < n && isWordChar(input.charCodeAt(j)) && (delimiter === ';' || !input.startsWith(delimiter, j))) j++;
      const word = input.slice(i, j).toUpperCase();
      if (word === 'BEGIN' || word === 'CASE') {
        routine ??= ROUTINE_HEAD.test(code);
        if (routine) depth++;
      } else if (word === 'END' && depth > 0) {
        const next = /^\s*([A-Za-z]+)/.exec(input.slice(j, j + 20))?.[1]?.toUpperCase();
        if (next !== 'IF' && next !== 'LOOP' && next !== 'WHILE' && next !== 'REPEAT') depth--;
      }
      keep(input.slice(i, j));
      i = j;
      continue;
    }
    if (depth === 0 && input.startsWith(delimiter, i)) {
      flush(i);
      i += delimiter.length;
      start = i;
      continue;
    }
    if (ch === '\n') {
      code += ch;
      line++;
    } else keep(ch);
    i++;
  }
  if (executable) flush(n, 'an executable /*! comment is never closed');
  else if (depth > 0)
    flush(n, 'a BEGIN … END body is never closed: the routine runs to the end of the file and may swallow later statements');
  else if (delimiter !== ';' && code.trim() !== '')
    flush(n, `the statement runs to the end of the file without the delimiter ${delimiter} (DELIMITER never set back)`);
  else flush(n);
  return out;
}

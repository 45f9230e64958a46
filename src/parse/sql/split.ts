// Splits a SQL script into statements. Quotes, dollar quotes, comments, BEGIN … END bodies of
// triggers and routines, and MySQL's DELIMITER are respected. One pass, linear in the input.

export interface SqlStatement {
  /** The statement as written (comments kept), without its delimiter. */
  text: string;
  /** The statement with comments blanked out, for token reading. */
  code: string;
  /** 1-based line of the statement's first token. */
  line: number;
}

export interface SplitOptions {
  /** MySQL reads `#` as a comment and `\` as an escape inside quotes. */
  mysql?: boolean;
}

const ROUTINE_HEAD = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TRIGGER|PROCEDURE|FUNCTION|EVENT)\b/i;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;
const WORD = /[A-Za-z_]/;

export function splitStatements(input: string, options: SplitOptions = {}): SqlStatement[] {
  const out: SqlStatement[] = [];
  let delimiter = ';';
  let start = 0;
  let code = '';
  let firstLine = 0;
  let line = 1;
  let depth = 0;
  let i = 0;
  const n = input.length;

  const flush = (end: number) => {
    const text = input.slice(start, end).trim();
    if (code.trim() !== '') out.push({ text, code: code.trim(), line: firstLine });
    code = '';
    firstLine = 0;
    depth = 0;
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

  while (i < n) {
    const ch = input[i]!;
    // DELIMITER applies at the start of a statement, on its own line.
    if (firstLine === 0 && (ch === 'D' || ch === 'd') && /^delimiter[ \t]/i.test(input.slice(i, i + 10))) {
      const eol = input.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      const value = input.slice(i + 10, end).trim();
      if (value !== '') delimiter = value;
      i = end;
      start = end;
      code = '';
      continue;
    }
    if (ch === '-' && input[i + 1] === '-') {
      const eol = input.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      blank(input.slice(i, end));
      i = end;
      continue;
    }
    if (ch === '#' && options.mysql) {
      const eol = input.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      blank(input.slice(i, end));
      i = end;
      continue;
    }
    if (ch === '/' && input[i + 1] === '*') {
      // PostgreSQL nests block comments; counting nesting is harmless for the others.
      let level = 1;
      let j = i + 2;
      while (j < n && level > 0) {
        if (input[j] === '/' && input[j + 1] === '*') {
          level++;
          j += 2;
        } else if (input[j] === '*' && input[j + 1] === '/') {
          level--;
          j += 2;
        } else j++;
      }
      const piece = input.slice(i, j);
      blank(piece);
      advanceLines(piece);
      i = j;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < n) {
        const c = input[j]!;
        if (c === '\\' && options.mysql && ch !== '`') {
          j += 2;
          continue;
        }
        if (c === ch) {
          if (input[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      const piece = input.slice(i, Math.min(j + 1, n));
      keep(piece);
      advanceLines(piece);
      i = Math.min(j + 1, n);
      continue;
    }
    if (ch === '$') {
      const tag = DOLLAR_TAG.exec(input.slice(i, i + 66));
      const prev = i > 0 ? input[i - 1]! : ' ';
      if (tag && !/[A-Za-z0-9_]/.test(prev)) {
        const close = input.indexOf(tag[0], i + tag[0].length);
        const end = close === -1 ? n : close + tag[0].length;
        const piece = input.slice(i, end);
        keep(piece);
        advanceLines(piece);
        i = end;
        continue;
      }
    }
    if (WORD.test(ch) && (i === 0 || !/[A-Za-z0-9_$]/.test(input[i - 1]!))) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(input[j]!)) j++;
      const word = input.slice(i, j).toUpperCase();
      if ((word === 'BEGIN' || word === 'CASE') && ROUTINE_HEAD.test(code)) depth++;
      else if (word === 'END' && depth > 0) {
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
  flush(n);
  return out;
}

/** Lines that hold `<comment> rollback-ready-ignore <rule-id>: <reason>`, mapped to the next code line. */
export function suppressionsIn(text: string, comment: '--' | '//'): { line: number; ruleId: string; reason: string }[] {
  const lines = text.split('\n');
  const out: { line: number; ruleId: string; reason: string }[] = [];
  const marker = comment === '--' ? /^\s*--\s*rollback-ready-ignore\s+([a-z0-9-]+)\s*:?\s*(.*)$/ : /^\s*\/\/\s*rollback-ready-ignore\s+([a-z0-9-]+)\s*:?\s*(.*)$/;
  for (let k = 0; k < lines.length; k++) {
    const m = marker.exec(lines[k]!);
    if (!m) continue;
    // The statement is the next line that is neither blank nor another comment.
    let target = k + 1;
    while (target < lines.length && (lines[target]!.trim() === '' || lines[target]!.trim().startsWith(comment))) target++;
    if (target < lines.length) out.push({ line: target + 1, ruleId: m[1]!, reason: m[2]!.trim() || 'no reason given' });
  }
  return out;
}

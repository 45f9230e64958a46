// Liquibase formatted SQL: `--liquibase formatted sql`, changesets opened by `--changeset author:id`, and the
// SQL that undoes each in `--rollback` lines (or a `/* liquibase rollback … */` block). The rollback SQL is
// the down part; everything else is the up part. Line numbers are kept by blanking what belongs to the other.
import type { MigrationReader } from './reader.js';

const ROLLBACK_LINE = /^(\s*--\s*rollback\b\s?)(.*)$/i;
const ROLLBACK_BLOCK = /^\s*\/\*\s*liquibase\s+rollback\b/i;

export const liquibaseSql: MigrationReader = {
  framework: 'liquibase',
  language: 'sql',
  detect: (_path, text) => /^\s*--\s*liquibase\s+formatted\s+sql\b/im.test(text),
  read(input) {
    const lines = input.text.split('\n');
    const up: string[] = [];
    const down: string[] = [];
    let inBlock = false;
    let downLine = 0;
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k]!;
      const rollback = ROLLBACK_LINE.exec(l);
      if (inBlock || ROLLBACK_BLOCK.test(l)) {
        const end = l.indexOf('*/');
        const body = inBlock ? l : l.replace(ROLLBACK_BLOCK, '');
        inBlock = end === -1;
        up.push('');
        down.push(end === -1 ? body : body.slice(0, body.indexOf('*/')));
        downLine ||= k + 1;
      } else if (rollback) {
        up.push('');
        // `--rollback not required` and `--rollback empty` say there is nothing to undo.
        down.push(/^(?:not required|empty)\s*;?\s*$/i.test(rollback[2]!.trim()) ? '' : rollback[2]!);
        downLine ||= k + 1;
      } else {
        up.push(l);
        down.push('');
      }
    }
    const downText = down.join('\n');
    return {
      up: input.sql(up.join('\n'), 1),
      ...(downLine ? { down: { ...input.sql(downText, 1), line: downLine, empty: downText.trim() === '' } } : {}),
    };
  },
};

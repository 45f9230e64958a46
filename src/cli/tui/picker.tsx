import { Box } from 'ink';
import { useState } from 'react';
import type { Report } from '../../model/report.js';
import type { RollbackTarget } from '../../git/targets.js';
import { oneLine } from '../../util/sanitize.js';
import { short } from '../../report/text.js';
import { HELP_TEXT, PICKER_KEYS, fit, footerLine, scoreBar, type Line } from './lines.js';
import { Lines, rule, useSize, type Size } from './screen.js';
import { useKeys, type KeyTarget } from './keys.js';

/** What the background analysis knows of rolling back to a release so far. */
export type Outcome = { state: 'pending' } | { state: 'running' } | { state: 'done'; verdict: Report['verdict']; score: number } | { state: 'error'; message: string };

export interface PickerProps {
  from: { ref: string; sha: string };
  targets: RollbackTarget[];
  outcomes: Record<string, Outcome>;
  color: boolean;
  size?: Size;
  /** Set by the App: where this screen's key handler goes. */
  keys?: KeyTarget;
  onPick: (tag: string) => void;
  onQuit: () => void;
}

const day = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);

function outcomeCell(outcome: Outcome | undefined): Line {
  switch (outcome?.state) {
    case 'done':
      return [
        { text: outcome.verdict.toUpperCase().padEnd(8), tone: `verdict-${outcome.verdict}`, bold: true },
        { text: String(outcome.score).padStart(3) + ' ' },
        { text: scoreBar(outcome.score, 10), tone: `verdict-${outcome.verdict}` },
      ];
    case 'running':
      return [{ text: 'analysing…', tone: 'dim' }];
    case 'error':
      return [{ text: fit(`error: ${oneLine(outcome.message)}`, 40), tone: 'fail' }];
    default:
      return [{ text: '…', tone: 'dim' }];
  }
}

/** Which release to roll back to: newest first, each with what rolling back to it would mean. */
export function Picker({ from, targets, outcomes, color, size: fixed, keys, onPick, onQuit }: PickerProps) {
  const { columns, rows: height } = useSize(fixed);
  const [cursor, setCursor] = useState(0);
  const [help, setHelp] = useState(false);
  const width = Math.max(20, columns);
  const screenHeight = Math.max(8, height - 1);
  const listHeight = screenHeight - 5;

  useKeys((input, key) => {
    if (help) {
      if (input === 'q') onQuit();
      else setHelp(false);
      return;
    }
    if (input === 'q') return onQuit();
    if (input === '?') return setHelp(true);
    if (key.upArrow || input === 'k') setCursor((c) => Math.max(0, c - 1));
    else if (key.downArrow || input === 'j') setCursor((c) => Math.min(targets.length - 1, c + 1));
    else if ((key.return || key.rightArrow) && targets[cursor]) onPick(targets[cursor]!.tag);
  }, keys);

  const nameWidth = Math.min(24, Math.max(8, ...targets.map((t) => [...oneLine(t.tag)].length)));
  const header: Line[] = [
    [{ text: 'rollback-ready ', tone: 'dim' }, { text: fit(`rolling back ${oneLine(from.ref)} (${short(from.sha)}): pick the release to roll back to`, width - 15), bold: true }],
    rule(width),
    [{ text: fit(`  ${'release'.padEnd(nameWidth)}  date        commits  rolling back to it`, width), tone: 'dim' }],
  ];
  const start = Math.min(Math.max(0, cursor - listHeight + 1), Math.max(0, targets.length - listHeight));
  const list: Line[] = targets.slice(start, start + listHeight).map((target, i) => {
    const selected = start + i === cursor;
    return [
      { text: selected ? '› ' : '  ', tone: 'accent', bold: true },
      { text: fit(oneLine(target.tag), nameWidth).padEnd(nameWidth), bold: selected, inverse: selected },
      { text: `  ${day(target.date)}  ${String(target.commitsSince).padStart(7)}  ` },
      ...outcomeCell(outcomes[target.tag]),
    ];
  });
  const body = help ? HELP_TEXT.map((text, i): Line => [{ text: fit(text, width), bold: i === 0 }]) : list;
  return (
    <Box flexDirection="column" width={width} height={screenHeight}>
      <Lines lines={header} color={color} />
      <Lines lines={body} color={color} height={listHeight} />
      <Lines lines={[rule(width), footerLine(PICKER_KEYS, width)]} color={color} />
    </Box>
  );
}

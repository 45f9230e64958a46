import { Box } from 'ink';
import { useState } from 'react';
import type { Report } from '../../model/report.js';
import type { RollbackTarget } from '../../git/targets.js';
import { oneLine } from '../../util/sanitize.js';
import { short } from '../../report/text.js';
import { plural } from '../../util/format.js';
import { HELP_TEXT, PICKER_KEYS, fit, footerLine, scoreBar, type Line } from './lines.js';
import { Lines, rule, useSize, type Size } from './screen.js';
import { moved, useKeys, type KeyTarget } from './keys.js';

/** What the background analysis knows of rolling back to a release so far. */
export type Outcome =
  | { state: 'pending' }
  | { state: 'running' }
  | { state: 'done'; verdict: Report['verdict']; score: number; reason: string }
  | { state: 'error'; message: string };

export interface PickerProps {
  from: { ref: string; sha: string };
  /** The releases listed so far, newest first. */
  targets: RollbackTarget[];
  /** How many releases there are in all (more than `targets` when older ones are not listed yet). */
  total?: number;
  /** Prereleases left out of the list (a tag pattern shows them). */
  prereleasesHidden?: number;
  /** Lists the next page of older releases; the picker calls it when the cursor reaches the end. */
  onMore?: () => void;
  outcomes: Record<string, Outcome>;
  color: boolean;
  size?: Size;
  /** Set by the App: where this screen's key handler goes. */
  keys?: KeyTarget;
  onPick: (tag: string) => void;
  onQuit: () => void;
}

const day = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);

function outcomeCell(outcome: Outcome | undefined, bar: number, room: number): Line {
  switch (outcome?.state) {
    case 'done':
      return [
        { text: outcome.verdict.toUpperCase().padEnd(8), tone: `verdict-${outcome.verdict}`, bold: true },
        { text: String(outcome.score).padStart(3) + ' ' },
        { text: scoreBar(outcome.score, bar), tone: `verdict-${outcome.verdict}` },
        { text: fit(`  ${oneLine(outcome.reason)}`, Math.max(0, room - 12 - bar)), tone: 'dim' },
      ];
    case 'running':
      return [{ text: 'analysing…', tone: 'dim' }];
    case 'error':
      return [{ text: fit(`error: ${oneLine(outcome.message)}`, Math.max(10, room)), tone: 'fail' }];
    default:
      return [{ text: '…', tone: 'dim' }];
  }
}

/** Which release to roll back to: newest first, each with what rolling back to it would mean and its main reason. */
export function Picker({
  from,
  targets,
  total = targets.length,
  prereleasesHidden = 0,
  onMore,
  outcomes,
  color,
  size: fixed,
  keys,
  onPick,
  onQuit,
}: PickerProps) {
  const { columns, rows: height } = useSize(fixed);
  const [cursor, setCursor] = useState(0);
  const [help, setHelp] = useState(false);
  const width = Math.max(20, columns);
  const screenHeight = Math.max(9, height - 1);
  const listHeight = screenHeight - 6;
  const more = total - targets.length;
  // The last row says how many older releases are not listed yet; reaching it lists them.
  const rowCount = targets.length + (more > 0 ? 1 : 0);

  useKeys((input, key) => {
    if (key.ctrl && input === 'c') return onQuit();
    if (help) {
      if (input === 'q') onQuit();
      else setHelp(false);
      return;
    }
    if (input === 'q') return onQuit();
    if (input === '?') return setHelp(true);
    const step = (at: number) => moved(input, key, at, rowCount - 1, listHeight);
    const to = step(cursor);
    if (to !== undefined) {
      setCursor((c) => step(c) ?? c);
      if (more > 0 && to >= targets.length - 1) onMore?.();
    } else if ((key.return || key.rightArrow) && targets[cursor]) onPick(targets[cursor]!.tag);
  }, keys);

  const nameWidth = Math.min(24, Math.max(8, ...targets.map((t) => [...oneLine(t.tag)].length)));
  const bar = width >= 100 ? 10 : 5;
  // pointer, name, two spaces, date, two spaces, commits, two spaces
  const room = Math.max(0, width - (2 + nameWidth + 2 + 10 + 2 + 7 + 2));
  const header: Line[] = [
    [
      { text: 'rollback-ready ', tone: 'dim' },
      { text: fit(`rolling back ${oneLine(from.ref)} (${short(from.sha)}): pick the release to roll back to`, width - 15), bold: true },
    ],
    rule(width),
    [
      {
        text: fit(`  ${'release'.padEnd(nameWidth)}  date        commits  rolling back to it: verdict, score, top finding`, width),
        tone: 'dim',
      },
    ],
  ];
  const start = Math.min(Math.max(0, cursor - listHeight + 1), Math.max(0, rowCount - listHeight));
  const rowLine = (i: number): Line => {
    const selected = i === cursor;
    const target = targets[i];
    if (!target) {
      return [
        { text: selected ? '› ' : '  ', tone: 'accent', bold: true },
        { text: fit(`… ${plural(more, 'older release')}: listing them`, width - 2), tone: 'dim', inverse: selected },
      ];
    }
    return [
      { text: selected ? '› ' : '  ', tone: 'accent', bold: true },
      { text: fit(oneLine(target.tag), nameWidth).padEnd(nameWidth), bold: selected, inverse: selected },
      { text: `  ${day(target.date)}  ${String(target.commitsSince).padStart(7)}  ` },
      ...outcomeCell(outcomes[target.tag], bar, room),
    ];
  };
  const list: Line[] = Array.from({ length: Math.max(0, Math.min(listHeight, rowCount - start)) }, (_, i) => rowLine(start + i));
  const counts = [
    `${targets.length} of ${plural(total, 'release')}${more > 0 ? ', ↓ lists more' : ''}`,
    prereleasesHidden > 0 ? `${plural(prereleasesHidden, 'prerelease')} hidden (--tag-pattern shows them)` : '',
  ].filter(Boolean);
  const body = help ? HELP_TEXT.map((text, i): Line => [{ text: fit(text, width), bold: i === 0 }]) : list;
  return (
    <Box flexDirection="column" width={width} height={screenHeight}>
      <Lines lines={header} color={color} />
      <Lines lines={body} color={color} height={listHeight} />
      <Lines lines={[[{ text: fit(counts.join(' · '), width), tone: 'dim' }], rule(width), footerLine(PICKER_KEYS, width)]} color={color} />
    </Box>
  );
}

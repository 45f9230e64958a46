import { Box } from 'ink';
import { useState, type ReactElement } from 'react';
import type { Report } from '../../model/report.js';
import {
  FILTER_KEYS,
  HELP_TEXT,
  REVIEW_KEYS,
  detailLines,
  fit,
  footerLine,
  headerLines,
  isTickable,
  rowLine,
  rowsOf,
  type Line,
} from './lines.js';
import { Lines, rule, useSize, type Size } from './screen.js';
import { useKeys, type KeyTarget } from './keys.js';

export interface ReviewProps {
  report: Report;
  color: boolean;
  size?: Size;
  /** Set by the App: where this screen's key handler goes. */
  keys?: KeyTarget;
  onQuit: (ticked: Set<string>) => void;
}

type View = 'list' | 'detail' | 'help';

/** The review screen: header, checklist, details of the selected item, footer with the keys. */
export function Review({ report, color, size: fixed, keys: keyTarget, onQuit }: ReviewProps) {
  const { columns, rows: height } = useSize(fixed);
  const rows = rowsOf(report);
  const [cursor, setCursor] = useState(0);
  const [view, setView] = useState<View>('list');
  const [back, setBack] = useState<View>('list');
  const [scroll, setScroll] = useState(0);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);

  const width = Math.max(20, columns);
  const screenHeight = Math.max(10, height - 1);
  const wide = width >= 120;
  const header = headerLines(report, ticked, filter, width);
  const bodyHeight = screenHeight - header.length - 2;
  const listWidth = wide ? Math.floor(width * 0.45) : width;
  const detailWidth = wide ? width - listWidth - 1 : width;
  const selected = rows[cursor]!;
  const details = detailLines(report, selected, ticked, filter, detailWidth);
  const listHeight = wide ? bodyHeight : Math.min(rows.length, Math.max(3, bodyHeight - 6));
  const previewHeight = wide ? bodyHeight : bodyHeight - listHeight - 1;
  const detailHeight = bodyHeight - 1;
  const maxScroll = Math.max(0, details.length - detailHeight);

  const toggle = () => {
    if (!isTickable(selected) || selected.kind !== 'item') {
      setMessage('only ? items are checked by hand; ✔ and ✖ come from the analysis');
      return;
    }
    const id = selected.item.id;
    setTicked((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  useKeys((input, key) => {
    setMessage(undefined);
    if (draft !== undefined) {
      if (key.return) {
        setFilter(draft.trim());
        setDraft(undefined);
        setScroll(0);
      } else if (key.escape) setDraft(undefined);
      else if (key.backspace || key.delete) setDraft((d) => (d ?? '').slice(0, -1));
      else if (input && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow) setDraft((d) => (d ?? '') + input);
      return;
    }
    if (view === 'help') {
      if (input === 'q') onQuit(ticked);
      else setView(back);
      return;
    }
    if (input === 'q') return onQuit(ticked);
    if (input === '?') {
      setBack(view);
      setView('help');
      return;
    }
    if (input === '/') return setDraft(filter);
    if (input === ' ') return toggle();
    const up = key.upArrow || input === 'k';
    const down = key.downArrow || input === 'j';
    if (view === 'list') {
      if (up) setCursor((c) => Math.max(0, c - 1));
      else if (down) setCursor((c) => Math.min(rows.length - 1, c + 1));
      else if (key.return || key.rightArrow) {
        setScroll(0);
        setView('detail');
      } else if (key.escape && filter) setFilter('');
      return;
    }
    if (up) setScroll((s) => Math.max(0, Math.min(maxScroll, s) - 1));
    else if (down) setScroll((s) => Math.min(maxScroll, s + 1));
    else if (key.leftArrow || key.escape) setView('list');
  }, keyTarget);

  const shownKeys = draft !== undefined ? FILTER_KEYS : REVIEW_KEYS;
  const footer: Line =
    draft !== undefined
      ? [{ text: '/', bold: true, tone: 'accent' }, { text: fit(`${draft}█`, width - 20) }, { text: '  enter apply  esc cancel', tone: 'dim' }]
      : footerLine(shownKeys, width, message);

  const listStart = Math.min(Math.max(0, cursor - listHeight + 1), Math.max(0, rows.length - listHeight));
  const list = rows
    .slice(listStart, listStart + listHeight)
    .map((row, i) => rowLine(report, row, listStart + i === cursor, ticked, filter, listWidth));

  let body: ReactElement;
  if (view === 'help') {
    body = <Lines lines={HELP_TEXT.map((text, i) => [{ text: fit(text, width), bold: i === 0 }])} color={color} height={bodyHeight} />;
  } else if (view === 'detail') {
    const from = Math.min(scroll, maxScroll);
    const more = details.length - from - detailHeight;
    const shown = details.slice(from, from + detailHeight);
    const status: Line = [
      { text: fit(`item ${cursor + 1} of ${rows.length}`, width), tone: 'dim' },
      { text: more > 0 ? `  ↓ ${more} more line${more === 1 ? '' : 's'}` : from > 0 ? '  ↑ scrolled' : '', tone: 'accent' },
    ];
    body = <Lines lines={[status, ...shown]} color={color} height={bodyHeight} />;
  } else if (wide) {
    body = (
      <Box flexDirection="row">
        <Box width={listWidth}>
          <Lines lines={list} color={color} height={bodyHeight} />
        </Box>
        <Box width={1} />
        <Box width={detailWidth}>
          <Lines lines={details} color={color} height={previewHeight} />
        </Box>
      </Box>
    );
  } else {
    body = (
      <Box flexDirection="column">
        <Lines lines={list} color={color} height={listHeight} />
        <Lines lines={[rule(width)]} color={color} />
        <Lines lines={details} color={color} height={previewHeight} />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={width} height={screenHeight}>
      <Lines lines={header} color={color} />
      <Lines lines={[rule(width)]} color={color} />
      {body}
      <Lines lines={[footer]} color={color} />
    </Box>
  );
}

import { Box, type Key } from 'ink';
import { useRef, useState, type MutableRefObject, type ReactElement } from 'react';
import type { Report } from '../../model/report.js';
import { plural } from '../../util/format.js';
import {
  FILTER_KEYS,
  HELP_TEXT,
  REVIEW_KEYS,
  detailLines,
  fit,
  footerLine,
  headerLines,
  isAcceptable,
  isTickable,
  listWidthNeeded,
  rowLine,
  rowsOf,
  type Line,
} from './lines.js';
import { Lines, rule, useSize, type Size } from './screen.js';
import { moved, useKeys, type KeyTarget } from './keys.js';
import { stateOf, type Marks } from './wrap-up.js';

export interface ReviewProps {
  report: Report;
  color: boolean;
  size?: Size;
  /** Set by the App: where this screen's key handler goes. */
  keys?: KeyTarget;
  /** Set to what quitting does now, for an interrupt from outside (a SIGINT): the same as q. */
  interrupt?: MutableRefObject<(() => void) | undefined>;
  onQuit: (marks: Marks) => void;
}

type View = 'list' | 'detail' | 'help';

/** A question in the footer: the reason for accepting a risk, or a yes for ticking a large item at once. */
type Prompt = { kind: 'accept'; id: string; text: string } | { kind: 'confirm-tick'; id: string; findings: number };

/** Ticking a ? item with more findings than this asks first: one key must not sign off a hundred unread files. */
export const CONFIRM_TICK_OVER = 10;
/** From this width the details sit beside the checklist; they keep at least DETAIL_MIN columns. */
const WIDE = 120;
const DETAIL_MIN = 56;

/** The review screen: header, checklist, details of the selected row, footer with the keys. */
export function Review({ report, color, size: fixed, keys: keyTarget, interrupt, onQuit }: ReviewProps) {
  const { columns, rows: height } = useSize(fixed);
  const rows = rowsOf(report);
  const [cursor, setCursorState] = useState(0);
  const cursorRef = useRef(0);
  const setCursor = (next: (at: number) => number) => {
    cursorRef.current = next(cursorRef.current);
    setCursorState(cursorRef.current);
  };
  const [view, setView] = useState<View>('list');
  const [back, setBack] = useState<View>('list');
  const [scroll, setScroll] = useState(0);
  const [marks, setMarks] = useState<Marks>(() => ({ checked: new Set(), accepted: new Map() }));
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<string | undefined>(undefined);
  // Keys typed faster than a frame reach the handler of one render: the prompt is read from a ref, so each key
  // sees what the one before it typed.
  const [prompt, setPromptState] = useState<Prompt | undefined>(undefined);
  const promptRef = useRef<Prompt | undefined>(undefined);
  const setPrompt = (next: Prompt | undefined) => {
    promptRef.current = next;
    setPromptState(next);
  };
  const [message, setMessage] = useState<string | undefined>(undefined);

  if (interrupt) interrupt.current = () => onQuit(marks);
  const width = Math.max(20, columns);
  const screenHeight = Math.max(10, height - 1);
  const wide = width >= WIDE;
  const header = headerLines(report, marks, filter, width);
  const bodyHeight = Math.max(4, screenHeight - header.length - 2);
  // Side by side, the checklist takes what its titles need, up to 55% of the width, leaving the details DETAIL_MIN.
  const listWidth = wide
    ? Math.max(36, Math.min(listWidthNeeded(report, marks, filter), width - DETAIL_MIN - 1, Math.floor(width * 0.55)))
    : width;
  const detailWidth = wide ? width - listWidth - 1 : width;
  const selected = rows[cursor]!;
  const details = detailLines(report, selected, marks, filter, detailWidth);
  const listHeight = wide ? bodyHeight : Math.min(rows.length, Math.max(3, bodyHeight - 6));
  const previewHeight = wide ? bodyHeight : bodyHeight - listHeight - 1;
  const detailHeight = bodyHeight - 1;
  const maxScroll = Math.max(0, details.length - detailHeight);

  const setChecked = (id: string, on: boolean) =>
    setMarks((old) => {
      const checked = new Set(old.checked);
      if (on) checked.add(id);
      else checked.delete(id);
      return { ...old, checked };
    });
  const setAccepted = (id: string, reason: string | undefined) =>
    setMarks((old) => {
      const accepted = new Map(old.accepted);
      if (reason === undefined) accepted.delete(id);
      else accepted.set(id, reason);
      return { ...old, accepted };
    });

  const toggle = () => {
    const selected = rows[cursorRef.current];
    if (!isTickable(selected)) {
      setMessage('only ? items are checked by hand; ✔ and ✖ come from the analysis (a accepts a ✖ item as a known risk)');
      return;
    }
    const { id, findingRefs } = selected.item;
    const state = stateOf(selected.item, marks);
    if (state === 'accepted') return setMessage('accepted as a known risk: a withdraws the acceptance first');
    if (state === 'checked') return setChecked(id, false);
    if (findingRefs.length > CONFIRM_TICK_OVER) return setPrompt({ kind: 'confirm-tick', id, findings: findingRefs.length });
    setChecked(id, true);
  };

  const accept = () => {
    const selected = rows[cursorRef.current];
    if (!isAcceptable(selected)) {
      setMessage('only ✖ and ? items can be accepted as a known risk');
      return;
    }
    const { id } = selected.item;
    if (marks.accepted.has(id)) {
      setAccepted(id, undefined);
      setMessage('acceptance withdrawn');
      return;
    }
    setPrompt({ kind: 'accept', id, text: '' });
  };

  const answer = (input: string, key: Key, asked: Prompt) => {
    if (asked.kind === 'confirm-tick') {
      setPrompt(undefined);
      if (input === 'y' || input === 'Y') setChecked(asked.id, true);
      else setMessage('not ticked');
      return;
    }
    if (key.return) {
      const reason = asked.text.trim();
      if (!reason) return setMessage('a reason is needed: a false positive? a known risk?');
      setPrompt(undefined);
      setChecked(asked.id, false);
      setAccepted(asked.id, reason);
    } else if (key.escape) setPrompt(undefined);
    else if (key.backspace || key.delete) setPrompt({ ...asked, text: asked.text.slice(0, -1) });
    else if (input && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow)
      setPrompt({ ...asked, text: asked.text + input });
  };

  useKeys((input, key) => {
    setMessage(undefined);
    if (key.ctrl && input === 'c') return onQuit(marks);
    if (promptRef.current) return answer(input, key, promptRef.current);
    if (draft !== undefined) {
      if (key.return) {
        setFilter(draft.trim());
        setDraft(undefined);
        setScroll(0);
      } else if (key.escape) setDraft(undefined);
      else if (key.backspace || key.delete) setDraft((d) => (d ?? '').slice(0, -1));
      else if (input && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow)
        setDraft((d) => (d ?? '') + input);
      return;
    }
    if (view === 'help') {
      if (input === 'q') onQuit(marks);
      else setView(back);
      return;
    }
    if (input === 'q') return onQuit(marks);
    if (input === '?') {
      setBack(view);
      setView('help');
      return;
    }
    if (input === '/') return setDraft(filter);
    if (input === ' ') return toggle();
    if (input === 'a') return accept();
    if (view === 'list') {
      const step = (at: number) => moved(input, key, at, rows.length - 1, listHeight);
      if (step(cursorRef.current) !== undefined) setCursor((c) => step(c) ?? c);
      else if (key.return || key.rightArrow) {
        setScroll(0);
        setView('detail');
      } else if (key.escape && filter) setFilter('');
      return;
    }
    const step = (at: number) => moved(input, key, Math.min(at, maxScroll), maxScroll, detailHeight);
    if (step(scroll) !== undefined) setScroll((at) => step(at) ?? at);
    else if (key.leftArrow || key.escape) setView('list');
  }, keyTarget);

  let footer: Line;
  if (prompt?.kind === 'accept') {
    const hint = message ? `  ${message}` : '  enter saves  esc cancels';
    const room = Math.max(1, width - 26 - Math.min(hint.length, Math.max(0, width - 40)));
    footer = [
      { text: 'accept the risk, because: ', bold: true, tone: 'accent' },
      { text: fit(`${prompt.text}█`, room) },
      { text: fit(hint, width - 26 - Math.min(room, [...prompt.text].length + 1)), tone: message ? 'fail' : 'dim' },
    ];
  } else if (prompt?.kind === 'confirm-tick') {
    footer = [
      {
        text: fit(`tick all ${plural(prompt.findings, 'finding')} as checked by hand? y: yes, any other key: no`, width),
        bold: true,
        tone: 'accent',
      },
    ];
  } else if (draft !== undefined) {
    footer = [
      { text: '/', bold: true, tone: 'accent' },
      { text: fit(`${draft}█`, width - 20) },
      { text: '  enter apply  esc cancel', tone: 'dim' },
    ];
  } else footer = footerLine(draft !== undefined ? FILTER_KEYS : REVIEW_KEYS, width, message);

  const listStart = Math.min(Math.max(0, cursor - listHeight + 1), Math.max(0, rows.length - listHeight));
  const list = rows
    .slice(listStart, listStart + listHeight)
    .map((row, i) => rowLine(report, row, listStart + i === cursor, marks, filter, listWidth));

  let body: ReactElement;
  if (view === 'help') {
    body = <Lines lines={HELP_TEXT.map((text, i) => [{ text: fit(text, width), bold: i === 0 }])} color={color} height={bodyHeight} />;
  } else if (view === 'detail') {
    const from = Math.min(scroll, maxScroll);
    const more = details.length - from - detailHeight;
    const shown = details.slice(from, from + detailHeight);
    const status: Line = [
      { text: fit(`row ${cursor + 1} of ${rows.length}`, width), tone: 'dim' },
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

import { Text, useApp, useInput } from 'ink';
import { eachKey, type KeyHandler } from './keys.js';
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Report } from '../../model/report.js';
import type { RollbackTarget } from '../../git/targets.js';
import { oneLine } from '../../util/sanitize.js';
import { fit, topReason } from './lines.js';
import { Picker, type Outcome } from './picker.js';
import { Review } from './review.js';
import { useSize, type Size } from './screen.js';
import { NO_MARKS, type Marks } from './wrap-up.js';

export type Progress = (phase: string, done: number, total: number) => void;

export interface AppProps {
  from: { ref: string; sha: string };
  /** The target when the user named it; otherwise the picker offers `targets`. */
  to?: string;
  /** The first page of releases to roll back to. */
  targets: RollbackTarget[];
  /** How many releases there are in all, and how to list the next page of them. */
  total?: number;
  more?: (offset: number) => Promise<RollbackTarget[]>;
  /** Prereleases left out of the picker. */
  prereleasesHidden?: number;
  analyze: (to: string, onProgress: Progress) => Promise<Report>;
  color: boolean;
  size?: Size;
  /** Called once when the user quits: the report reviewed (if any) and what they marked by hand. */
  onQuit: (report: Report | undefined, marks: Marks) => void;
  /** Set by the App to what quitting does on the screen shown now (q, ctrl-c, or a SIGINT from outside). */
  interrupt?: MutableRefObject<(() => void) | undefined>;
}

type Stage = { kind: 'picker' } | { kind: 'analysing'; to: string } | { kind: 'review'; report: Report };

interface Analysis {
  promise: Promise<Report>;
  /** Where progress goes; only the analysis the user waits for shows it. */
  listener?: Progress;
}

/** The whole terminal review: pick a release (unless given), analyse with progress, review, quit. */
export function App({ from, to, targets: firstPage, total, more, prereleasesHidden, analyze, color, size, onQuit, interrupt }: AppProps) {
  const { exit } = useApp();
  const [stage, setStage] = useState<Stage>(to === undefined ? { kind: 'picker' } : { kind: 'analysing', to });
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [targets, setTargets] = useState(firstPage);
  const analyses = useRef(new Map<string, Analysis>());
  const stopped = useRef(false);
  // The releases the background loop still has to analyse, in order; a page listed later joins the queue.
  const queue = useRef<RollbackTarget[]>([...firstPage]);
  const listing = useRef(false);

  const start = (tag: string): Analysis => {
    const known = analyses.current.get(tag);
    if (known) return known;
    const analysis: Analysis = { promise: Promise.resolve(undefined as never) };
    analysis.promise = analyze(tag, (phase, done, total) => analysis.listener?.(phase, done, total));
    analyses.current.set(tag, analysis);
    return analysis;
  };

  // The picker is usable at once; verdicts fill in as each release is analysed, one at a time.
  const wake = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    if (to !== undefined) return;
    let live = true;
    void (async () => {
      while (live && !stopped.current) {
        const target = queue.current.shift();
        if (!target) {
          // Idle until another page is listed.
          await new Promise<void>((resolve) => (wake.current = resolve));
          continue;
        }
        setOutcomes((old) => ({ ...old, [target.tag]: { state: 'running' } }));
        try {
          const report = await start(target.tag).promise;
          if (live)
            setOutcomes((old) => ({
              ...old,
              [target.tag]: { state: 'done', verdict: report.verdict, score: report.riskScore, reason: topReason(report) },
            }));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (live) setOutcomes((old) => ({ ...old, [target.tag]: { state: 'error', message } }));
        }
      }
    })();
    return () => {
      live = false;
      wake.current?.();
    };
  }, []);

  const listMore = () => {
    if (!more || listing.current || total === undefined || targets.length >= total) return;
    listing.current = true;
    void more(targets.length).then(
      (page) => {
        listing.current = false;
        setTargets((old) => [...old, ...page]);
        queue.current.push(...page);
        wake.current?.();
      },
      () => {
        listing.current = false;
      },
    );
  };

  const quitting = useRef(false);
  const quit = (report: Report | undefined, marks: Marks) => {
    if (quitting.current) return;
    quitting.current = true;
    stopped.current = true;
    wake.current?.();
    onQuit(report, marks);
    exit();
  };

  // Always listening keeps the terminal in raw mode between screens, so no key is lost or echoed.
  const keys = useRef<KeyHandler | undefined>(undefined);
  if (stage.kind === 'analysing') {
    keys.current = (input, key) => {
      if (input === 'q' || (key.ctrl && input === 'c')) quit(undefined, NO_MARKS);
    };
  }
  // What an interrupt from outside does: what q does on this screen (the review hands over its marks itself).
  if (interrupt && stage.kind !== 'review') interrupt.current = () => quit(undefined, NO_MARKS);
  useInput((input, key) => eachKey(input, key, (ch, k) => keys.current?.(ch, k)));

  if (stage.kind === 'picker') {
    return (
      <Picker
        from={from}
        targets={targets}
        {...(total !== undefined ? { total } : {})}
        {...(prereleasesHidden ? { prereleasesHidden } : {})}
        onMore={listMore}
        outcomes={outcomes}
        color={color}
        {...(size ? { size } : {})}
        keys={keys}
        onPick={(tag) => {
          stopped.current = true;
          setStage({ kind: 'analysing', to: tag });
        }}
        onQuit={() => quit(undefined, NO_MARKS)}
      />
    );
  }
  if (stage.kind === 'analysing') {
    return (
      <Analysing
        target={stage.to}
        analysis={start(stage.to)}
        {...(size ? { size } : {})}
        onDone={(report) => setStage({ kind: 'review', report })}
        onError={(error) => exit(error)}
      />
    );
  }
  return (
    <Review
      report={stage.report}
      color={color}
      {...(size ? { size } : {})}
      keys={keys}
      {...(interrupt ? { interrupt } : {})}
      onQuit={(marks) => quit(stage.report, marks)}
    />
  );
}

/** One updating line with the phase and counts; it is replaced by the review when done. */
function Analysing({
  target,
  analysis,
  size,
  onDone,
  onError,
}: {
  target: string;
  analysis: Analysis;
  size?: Size;
  onDone: (r: Report) => void;
  onError: (e: Error) => void;
}) {
  const { columns } = useSize(size);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number }>({ phase: 'starting', done: 0, total: 0 });
  useEffect(() => {
    let live = true;
    analysis.listener = (phase, done, total) => {
      if (live) setProgress({ phase, done, total });
    };
    analysis.promise.then(
      (report) => live && onDone(report),
      (error: unknown) => live && onError(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
      analysis.listener = undefined;
    };
  }, [analysis]);
  const counts = progress.total > 1 ? ` ${progress.done}/${progress.total}` : '';
  return (
    <Text wrap="truncate-end">
      {fit(`Analysing the rollback to ${oneLine(target)}: ${progress.phase}${counts}… (q quits)`, Math.max(20, columns))}
    </Text>
  );
}

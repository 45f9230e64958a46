import { Text, useApp, useInput } from 'ink';
import type { KeyHandler } from './keys.js';
import { useEffect, useRef, useState } from 'react';
import type { Report } from '../../model/report.js';
import type { RollbackTarget } from '../../git/targets.js';
import { oneLine } from '../../util/sanitize.js';
import { fit } from './lines.js';
import { Picker, type Outcome } from './picker.js';
import { Review } from './review.js';
import { useSize, type Size } from './screen.js';

export type Progress = (phase: string, done: number, total: number) => void;

export interface AppProps {
  from: { ref: string; sha: string };
  /** The target when the user named it; otherwise the picker offers `targets`. */
  to?: string;
  targets: RollbackTarget[];
  analyze: (to: string, onProgress: Progress) => Promise<Report>;
  color: boolean;
  size?: Size;
  /** Called once when the user quits: the report reviewed (if any) and the items ticked by hand. */
  onQuit: (report: Report | undefined, ticked: Set<string>) => void;
}

type Stage = { kind: 'picker' } | { kind: 'analysing'; to: string } | { kind: 'review'; report: Report };

interface Analysis {
  promise: Promise<Report>;
  /** Where progress goes; only the analysis the user waits for shows it. */
  listener?: Progress;
}

/** The whole terminal review: pick a release (unless given), analyse with progress, review, quit. */
export function App({ from, to, targets, analyze, color, size, onQuit }: AppProps) {
  const { exit } = useApp();
  const [stage, setStage] = useState<Stage>(to === undefined ? { kind: 'picker' } : { kind: 'analysing', to });
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const analyses = useRef(new Map<string, Analysis>());
  const stopped = useRef(false);

  const start = (tag: string): Analysis => {
    const known = analyses.current.get(tag);
    if (known) return known;
    const analysis: Analysis = { promise: Promise.resolve(undefined as never) };
    analysis.promise = analyze(tag, (phase, done, total) => analysis.listener?.(phase, done, total));
    analyses.current.set(tag, analysis);
    return analysis;
  };

  // The picker is usable at once; verdicts fill in as each release is analysed, one at a time.
  useEffect(() => {
    if (to !== undefined) return;
    let live = true;
    void (async () => {
      for (const target of targets) {
        if (!live || stopped.current) return;
        setOutcomes((old) => ({ ...old, [target.tag]: { state: 'running' } }));
        try {
          const report = await start(target.tag).promise;
          if (live) setOutcomes((old) => ({ ...old, [target.tag]: { state: 'done', verdict: report.verdict, score: report.riskScore } }));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (live) setOutcomes((old) => ({ ...old, [target.tag]: { state: 'error', message } }));
        }
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const quit = (report: Report | undefined, ticked: Set<string>) => {
    stopped.current = true;
    onQuit(report, ticked);
    exit();
  };

  // Always listening keeps the terminal in raw mode between screens, so no key is lost or echoed.
  const keys = useRef<KeyHandler | undefined>(undefined);
  if (stage.kind === 'analysing') {
    keys.current = (input) => {
      if (input === 'q') quit(undefined, new Set());
    };
  }
  useInput((input, key) => {
    // Ink hands keys typed faster than a frame over as one string ("j\r"): take them one by one.
    // A newline is enter typed before the terminal went raw (the tty turned \r into \n).
    const chars = input.length <= 1 || input.includes('\u001b') || key.ctrl || key.meta ? [input] : [...input];
    for (const ch of chars) {
      const enter = ch === '\r' || ch === '\n';
      keys.current?.(enter ? '' : ch, chars.length > 1 || enter ? { ...key, return: enter } : key);
    }
  });

  if (stage.kind === 'picker') {
    return (
      <Picker
        from={from}
        targets={targets}
        outcomes={outcomes}
        color={color}
        {...(size ? { size } : {})}
        keys={keys}
        onPick={(tag) => {
          stopped.current = true;
          setStage({ kind: 'analysing', to: tag });
        }}
        onQuit={() => quit(undefined, new Set())}
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
  return <Review report={stage.report} color={color} {...(size ? { size } : {})} keys={keys} onQuit={(ticked) => quit(stage.report, ticked)} />;
}

/** One updating line with the phase and counts; it is replaced by the review when done. */
function Analysing({ target, analysis, size, onDone, onError }: { target: string; analysis: Analysis; size?: Size; onDone: (r: Report) => void; onError: (e: Error) => void }) {
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
  return <Text wrap="truncate-end">{fit(`Analysing the rollback to ${oneLine(target)}: ${progress.phase}${counts}… (q quits)`, Math.max(20, columns))}</Text>;
}

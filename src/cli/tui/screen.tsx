import { Box, Text, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { Line, Tone } from './lines.js';

const COLORS: Record<Tone, string | undefined> = {
  pass: 'green',
  fail: 'red',
  manual: 'yellow',
  accent: 'cyan',
  dim: undefined,
  'verdict-safe': 'green',
  'verdict-caution': 'yellow',
  'verdict-blocked': 'red',
};

export interface Size {
  columns: number;
  rows: number;
}

/** The terminal's size, updated on resize; `fixed` pins it (tests, or no terminal). */
export function useSize(fixed?: Size): Size {
  const { stdout } = useStdout();
  const read = (): Size => fixed ?? { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed?.columns, fixed?.rows]);
  return size;
}

/** Renders lines of segments, each cut to the width; `color: false` (NO_COLOR) keeps only bold, dim and inverse. */
export function Lines({ lines, color, height }: { lines: Line[]; color: boolean; height?: number }) {
  const shown = height === undefined ? lines : lines.slice(0, height);
  const pad = height === undefined ? 0 : Math.max(0, height - shown.length);
  return (
    <Box flexDirection="column">
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((segment, j) => (
                <Text
                  key={j}
                  color={color && segment.tone ? COLORS[segment.tone] : undefined}
                  dimColor={segment.tone === 'dim'}
                  bold={segment.bold ?? false}
                  inverse={segment.inverse ?? false}
                >
                  {segment.text}
                </Text>
              ))}
        </Text>
      ))}
      {Array.from({ length: pad }, (_, i) => (
        <Text key={`pad-${i}`}> </Text>
      ))}
    </Box>
  );
}

export function rule(width: number): Line {
  return [{ text: '─'.repeat(Math.max(0, width)), tone: 'dim' }];
}

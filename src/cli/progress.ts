/** One updating line on stderr while an analysis runs, when stderr is a terminal; nothing otherwise. */
export function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: (phase: string, done: number, total: number) => {
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      shown = true;
      const counts = total > 1 ? ` ${done}/${total}` : '';
      stream.write(`\r\u001b[2K${phase}${counts}…`);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}

// A one-line live progress display on stderr (redrawn in place on a terminal, a line every few
// seconds otherwise, so logs of CI runs show progress without flooding).

export interface ProgressLine {
  update(text: string): void;
  done(text?: string): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const tty = stream.isTTY === true;
  const started = Date.now();
  // Off a terminal, the first line comes after a few seconds: short runs print only their summary.
  let last = tty ? 0 : started;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    update(text) {
      const now = Date.now();
      if (tty) {
        if (now - last < 80) return;
        stream.write(`\r\x1b[2K${spinner(now)} ${text} (${elapsed()})`);
      } else {
        if (now - last < 5000) return;
        stream.write(`${text} (${elapsed()})\n`);
      }
      last = now;
    },
    done(text) {
      if (tty) stream.write('\r\x1b[2K');
      if (text) stream.write(`${text} (${elapsed()})\n`);
    },
  };
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const spinner = (now: number) => FRAMES[Math.floor(now / 80) % FRAMES.length];

import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on a terminal; on a pipe or in CI, a plain line every 10% so logs stay readable. */
export function progressReporter(total: number): {
  tick: (file: string, index: number) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: 'structured-logging {bar} {value}/{total} files',
        stream: process.stderr,
        clearOnComplete: true,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (_file, index) => bar.update(index + 1), stop: () => bar.stop() };
  }
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick: (_file, index) => {
      if (total >= 100 && (index + 1) % step === 0)
        process.stderr.write(`structured-logging: ${index + 1}/${total} files\n`);
    },
    stop: () => undefined,
  };
}

import { SingleBar, Presets } from "cli-progress";

/** Reports `done` of `total` (rows, actors, …) as it grows. */
export type Progress = { update(done: number, total: number): void; stop(): void };

/**
 * A progress bar with rate and ETA on a terminal (stderr), plain periodic lines
 * otherwise (CI logs, pipes), silent when `quiet`.
 */
export function createProgress(what: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update() {}, stop() {} };
  const started = Date.now();
  const rate = (done: number) => Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: `${what} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`, stream, etaBuffer: 50 },
      Presets.shades_classic,
    );
    let running = false;
    return {
      update(done, total) {
        if (!running) bar.start(total, 0, { rate: 0 });
        running = true;
        bar.setTotal(total);
        bar.update(done, { rate: rate(done) });
      },
      stop: () => running && bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update(done, total) {
      if (done !== total && Date.now() - lastLine < 2000) return;
      if (done === 0 && total > 0) return;
      lastLine = Date.now();
      const perSecond = rate(done);
      const eta = perSecond > 0 ? Math.ceil((total - done) / perSecond) : 0;
      stream.write(`${what}: ${done}/${total} (${perSecond}/s, ETA ${eta}s)\n`);
    },
    stop() {},
  };
}

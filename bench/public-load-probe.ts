/**
 * Preloaded into the server by bench/public-load.ts (`-r`): records the event loop's delay
 * inside the server (perf_hooks, 10 ms resolution) and the process's CPU time, and writes them
 * to PUBLIC_LOAD_PROBE_FILE every second (the server's own shutdown may end it before an exit
 * hook runs), so the bench can tell a blocked loop from a starved machine.
 */
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.PUBLIC_LOAD_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  // Measured from the bench's start signal on, not during the server's own start.
  process.on("SIGUSR2", () => {
    delay.reset();
    delay.enable();
    const cpu = process.cpuUsage();
    const wall = process.hrtime.bigint();
    setInterval(() => {
      const used = process.cpuUsage(cpu);
      const ms = (ns: number) => Math.round(ns / 1e5) / 10;
      writeFileSync(
        file,
        JSON.stringify({
          eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
          cpuSeconds: Math.round((used.user + used.system) / 1e4) / 100,
          wallSeconds: Math.round(Number(process.hrtime.bigint() - wall) / 1e7) / 100,
        }),
      );
    }, 1_000).unref();
  });
}

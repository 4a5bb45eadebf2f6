/**
 * Run by bench/public-load.ts as a process of its own, so the load generator's work never
 * delays the timing: GET /healthz on 127.0.0.1:<port> every <every> ms on a fresh connection
 * until stdin closes, then the latencies (ms, a stall counted as the 5 s timeout) as JSON on stdout.
 * Usage: node public-load-healthz.js <port> <every>
 */
import http from "node:http";

const [port, every] = process.argv.slice(2).map(Number);
const TIMEOUT_MS = 5_000;

function timeHealthz(): Promise<number> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false, timeout: TIMEOUT_MS }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode === 200 ? elapsed() : TIMEOUT_MS));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(Math.max(elapsed(), TIMEOUT_MS)));
  });
}

const latencies: Promise<number>[] = [];
const sampler = setInterval(() => latencies.push(timeHealthz()), every);
process.stdin.resume();
process.stdin.on("end", async () => {
  clearInterval(sampler);
  process.stdout.write(JSON.stringify(await Promise.all(latencies)));
});

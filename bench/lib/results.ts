import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { BENCH_DIR } from "./database";

/** The machine a run was measured on: what makes two runs comparable or not. */
export const machine = () => ({ cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), node: process.version });

/**
 * Appends `entry` (stamped with the time and the machine) to bench/results/<name>-<today>.json,
 * a JSON array, so that runs of one day sit side by side; returns the file's path.
 */
export function appendResult(name: string, entry: Record<string, unknown>): string {
  const dir = join(BENCH_DIR, "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().slice(0, 10)}.json`);
  const runs: unknown[] = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
  runs.push({ at: new Date().toISOString(), machine: machine(), ...entry });
  writeFileSync(file, JSON.stringify(runs, null, 2) + "\n");
  return file;
}

import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
// An entry point's two lines: the configuration from the environment applied, then one log line.
const PROGRAM = `const { loadConfig } = require("./src/config"); const { configureLogger, logger } = require("./src/logger");
configureLogger(loadConfig(process.env)); logger.info({ requestId: "r-42" }, "Maillage ready");`;
const NODE = `${process.execPath} -r ts-node/register/transpile-only -e '${PROGRAM}'`;

/** What the program prints with stdout a pipe, or a pseudo-terminal (util-linux `script`), and MAILLAGE_LOG_FORMAT set or not. */
function logOutput(terminal: boolean, format?: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "info", NODE_ENV: "development", TS_NODE_TRANSPILE_ONLY: "true" };
  if (format) env.MAILLAGE_LOG_FORMAT = format;
  else delete env.MAILLAGE_LOG_FORMAT;
  const run = terminal
    ? spawnSync("script", ["-qfec", NODE, "/dev/null"], { cwd: ROOT, env, encoding: "utf8" })
    : spawnSync("bash", ["-c", NODE], { cwd: ROOT, env, encoding: "utf8" });
  expect(run.status).toBe(0);
  // A terminal ends lines with CR LF, and colours them.
  return run.stdout.replace(/\r/g, "").replace(/\x1b\[[0-9;]*m/g, "");
}

const JSON_LINE = /^\{"level":30,"time":\d+,"service":"maillage","requestId":"r-42","msg":"Maillage ready"\}\n$/;
const PRETTY = /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Maillage ready\n {4}requestId: "r-42"\n$/;

describe("log lines", () => {
  it("are readable (pino-pretty) when stdout is a terminal, in colour", () => {
    expect(logOutput(true)).toMatch(PRETTY);
    const raw = spawnSync("script", ["-qfec", NODE, "/dev/null"], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "info", MAILLAGE_LOG_FORMAT: "auto" }, encoding: "utf8" });
    expect(raw.stdout).toContain("\x1b[32mINFO\x1b[39m");
  });

  it("are JSON lines when stdout is not a terminal", () => {
    expect(logOutput(false)).toMatch(JSON_LINE);
  });

  it("follow MAILLAGE_LOG_FORMAT when it forces one", () => {
    expect(logOutput(true, "json")).toMatch(JSON_LINE);
    expect(logOutput(false, "pretty")).toMatch(PRETTY);
  });
});

import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/common/paths";
import { OwnNeo4j, sleep } from "../faults/own-neo4j";
import { shellCommands } from "./shell-blocks";

/**
 * Runs every command of every ```sh block of README.md, in order, as written, the way a new user
 * would from the project folder (`npx maillage …` included), as test/seed runs every ```graphql
 * block. Against a Neo4j of its own on bolt port 17730 (a fresh store, seeded by the first server
 * start, so README imports never touch the tests' shared database) and a real server on a free
 * port for curl lines, with an admin key in $ADMIN_KEY. A new command in the README is run too;
 * only NOT_RUN is skipped, each with its reason. Files the commands write are removed afterwards.
 */
const BOLT_PORT = 17730;

/** The only commands not run, and why; each must still be in the README. */
const NOT_RUN: Record<string, string> = {
  "npm ci": "CI (.ci/run) runs it on a clean clone before anything else; here node_modules is already installed",
  "npm test": "it is the suite this test belongs to",
};

/** Commands that serve until stopped: run until /healthz answers 200 on $PORT, then stopped with SIGTERM. */
const SERVES = /^(?:[A-Z_]+=\S*\s+)*(?:npm start|node dist\/src\/main\.js)$/;

/** The one rewrite: the README's server address becomes the test server's. */
const README_SERVER = "http://localhost:4000";

const README = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
const commands = shellCommands(README);
const ADMIN_KEY = randomBytes(24).toString("hex");

const neo4j = new OwnNeo4j(BOLT_PORT);
const curlHome = mkdtempSync(join(tmpdir(), "maillage-readme-curl-"));
let server: ChildProcess | undefined;
let serverUrl = "";
let filesBefore: Set<string>;

/** The environment of every command: the test's Neo4j, the admin key, and no NODE_ENV (jest's "test" would silence the logs). */
function commandEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: neo4j.uri,
    NEO4J_BOLT_PORT: String(BOLT_PORT),
    NEO4J_DATA_DIR: neo4j.dataDir,
    PORT: String(port),
    ADMIN_KEY,
    MAILLAGE_API_KEYS: `admin:${ADMIN_KEY}`,
    // curl reads $CURL_HOME/.curlrc: an HTTP error fails the command, as `--fail-with-body` would
    CURL_HOME: curlHome,
  };
  delete env.NODE_ENV;
  return env;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `command` in its own process group and resolves once /healthz answers 200 on `port`. */
async function serve(command: string, port: number, timeoutMs: number): Promise<{ child: ChildProcess }> {
  const child = spawn("bash", ["-c", command], { cwd: PROJECT_ROOT, env: commandEnv(port), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`\`${command}\` exited ${child.exitCode} before serving:\n${output}`);
    const answered = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
    if (answered) return { child };
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`\`${command}\` did not serve /healthz within ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(200);
  }
}

/** SIGTERM to the whole group (npm and the node it started); resolves with the exit code. */
async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  return exited;
}

/** Untracked files of the checkout (ignored ones included, folders collapsed), to remove what the commands wrote. */
function untrackedFiles(): Set<string> {
  const run = spawnSync("git", ["ls-files", "--others", "--directory"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return new Set(run.stdout.split("\n").filter(Boolean));
}

beforeAll(async () => {
  filesBefore = untrackedFiles();
  writeFileSync(join(curlHome, ".curlrc"), "fail-with-body\nsilent\nshow-error\n");
  await neo4j.start();
  // What `npm start` would do first; afterwards `npx maillage` and the servers start from dist/ at once.
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  // The server curl lines talk to: migrates and seeds the fresh store (the French geography, the SDGs, the demo graph).
  const port = await freePort();
  ({ child: server } = await serve("node dist/src/main.js", port, 300_000));
  serverUrl = `http://127.0.0.1:${port}`;
}, 420_000);

afterAll(async () => {
  if (server) await stop(server);
  neo4j.destroy();
  rmSync(curlHome, { recursive: true, force: true });
  for (const path of untrackedFiles()) {
    if (!filesBefore.has(path) && !path.endsWith("/")) rmSync(join(PROJECT_ROOT, path), { force: true });
  }
}, 60_000);

describe("the README's shell examples", () => {
  it("are all run here, but for a short list whose every entry is in the README", () => {
    // Shell written under another fence would escape this test: every shell example is ```sh.
    expect(README.match(/^```(?:bash|shell|console|zsh|shell-session|sh-session)\s*$/gm)).toBeNull();
    const written = new Set(commands.map((c) => c.command));
    expect(Object.keys(NOT_RUN).filter((command) => !written.has(command))).toEqual([]);
    expect(commands.length).toBeGreaterThan(Object.keys(NOT_RUN).length);
  });

  it.each(commands.map((c) => [`README.md:${c.line}: ${c.command}`, c] as const))("%s", async (_title, { command }) => {
    if (NOT_RUN[command]) return; // see NOT_RUN for why
    const port = await freePort();
    if (SERVES.test(command)) {
      // serve() throws unless /healthz answered 200; then it is stopped as a user would, Ctrl-C-like
      await stop((await serve(command, port, 120_000)).child);
      return;
    }
    const script = command.split(README_SERVER).join(serverUrl);
    const run = spawnSync("bash", ["-c", script], { cwd: PROJECT_ROOT, env: commandEnv(port), encoding: "utf8", timeout: 300_000 });
    // The command, its output and its exit code together, so a failure says what the README's user saw.
    expect({ command, status: run.status, output: `${run.stdout}${run.stderr}` }).toMatchObject({ status: 0 });
  });
});

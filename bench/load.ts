/**
 * Load test of a running Maillage server: the read operations of schema/examples.graphql,
 * in turn on every connection, for a fixed duration, then a summary table and
 * bench/results/load-<timestamp>.json. Loopback only, so it can never load someone else's server.
 *
 * Usage: npm run load -- [--url http://127.0.0.1:4000/graphql] [--connections 10] [--duration 10] [--token <jwt>]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { Kind, OperationDefinitionNode, parse, print } from "graphql";

const ROOT = join(__dirname, "..");
const LIMITS = { connections: 200, duration: 300 };
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

interface Options {
  url: URL;
  connections: number;
  duration: number;
  token?: string;
}

function fail(message: string): never {
  console.error(`load: ${message}`);
  process.exit(2);
}

function positiveInt(name: keyof typeof LIMITS, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > LIMITS[name]) fail(`--${name} must be an integer 1–${LIMITS[name]}, got "${raw}"`);
  return value;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string", default: "http://127.0.0.1:4000/graphql" },
      connections: { type: "string", default: "10" },
      duration: { type: "string", default: "10" },
      token: { type: "string" },
    },
  });
  let url: URL;
  try {
    url = new URL(values.url!);
  } catch {
    fail(`--url is not a URL: "${values.url}"`);
  }
  if (url.protocol !== "http:") fail(`--url must be http://, got ${url.protocol}`);
  if (!LOOPBACK.test(url.hostname)) fail(`--url must point at this machine (localhost, 127.x.x.x, [::1]); refusing ${url.hostname}`);
  return {
    url,
    connections: positiveInt("connections", values.connections!),
    duration: positiveInt("duration", values.duration!),
    token: values.token,
  };
}

/** Each query of the examples as its own request body; the mutation is left out so the load writes nothing. */
function readOperations(): { name: string; body: string }[] {
  const document = parse(readFileSync(join(ROOT, "schema", "examples.graphql"), "utf8"));
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === "query")
    .map((operation) => ({
      name: operation.name?.value ?? "anonymous",
      body: JSON.stringify({ query: print(operation), operationName: operation.name?.value }),
    }));
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const operations = readOperations();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  // A 200 can still carry GraphQL errors: count them per operation.
  const graphqlErrors = new Map<string, number>();
  const requests = operations.map(({ name, body }) => ({
    method: "POST" as const,
    headers,
    body,
    onResponse: (status: number, responseBody: string) => {
      if (status === 200 && responseBody.includes('"errors"')) graphqlErrors.set(name, (graphqlErrors.get(name) ?? 0) + 1);
    },
  }));

  console.log(`load: ${operations.length} operations, ${options.connections} connections, ${options.duration} s → ${options.url}`);
  // The server's resident memory from its /metrics, every 5 s, to show whether it stays flat.
  const memoryMb: number[] = [];
  const sampleMemory = async () => {
    try {
      const text = await (await fetch(new URL("/metrics", options.url))).text();
      const line = text.split("\n").find((l) => l.startsWith("maillage_process_resident_memory_bytes "));
      if (line) memoryMb.push(Math.round(Number(line.split(" ")[1]) / 1e6));
    } catch {
      // no /metrics on this server: memory is not reported
    }
  };
  await sampleMemory();
  const sampler = setInterval(() => void sampleMemory(), 5_000);
  const result = await autocannon({
    url: options.url.toString(),
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    requests,
  });

  clearInterval(sampler);
  await sampleMemory();
  const summary = {
    date: new Date().toISOString(),
    serverResidentMemoryMb: memoryMb,
    url: options.url.toString(),
    connections: options.connections,
    durationSeconds: result.duration,
    operations: operations.map((o) => o.name),
    requests: result.requests.total,
    requestsPerSecond: { average: result.requests.average, p50: result.requests.p50, min: result.requests.min },
    latencyMs: { average: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    throughputBytesPerSecond: result.throughput.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
    graphqlErrors: Object.fromEntries(graphqlErrors),
  };

  const dir = join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `load-${summary.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);

  console.table({
    "req/s (avg)": summary.requestsPerSecond.average,
    requests: summary.requests,
    "latency p50 (ms)": summary.latencyMs.p50,
    "latency p99 (ms)": summary.latencyMs.p99,
    "latency max (ms)": summary.latencyMs.max,
    "errors (connection)": summary.errors,
    timeouts: summary.timeouts,
    "non-2xx": summary.non2xx,
    "GraphQL errors": [...graphqlErrors.values()].reduce((a, b) => a + b, 0),
    "server RSS MB (first → last)": memoryMb.length ? `${memoryMb[0]} → ${memoryMb[memoryMb.length - 1]}` : "n/a",
  });
  console.log(`load: wrote ${file}`);
  if (result.errors || result.non2xx) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { loadavg } from "node:os";
import { getNamedType, GraphQLSchema } from "graphql";
import { createApollo } from "../../src/server";
import { createContext } from "../../src/graphql/context";
import { Executor } from "../../src/neo4j/executor";
import { Role, Viewer } from "../../src/auth/viewer";
import { clearAnalyticsCache } from "../../src/analytics/analytics.repository";
import { callName, operationOf, parentFieldOf, sweptFields, SweptField } from "./sweep-fields";
import { filterVariants, requiredValue, Samples } from "./sweep-values";
import { DbHitCounter, profilingExecutor } from "./sweep-profile";

/** A call over 300 ms is a slow corner; analytics have the issue's own target (a 100k-actor scope in < 15 s). */
export const LIMIT_MS = 300;
const ANALYTICS_LIMIT_MS = 15_000;
export const limitOf = (field: SweptField) => (field.owner === "NetworkAnalytics" || field.name === "networkAnalytics" ? ANALYTICS_LIMIT_MS : LIMIT_MS);
/** A filtered call may cost at most this many times the db hits of the same call without it. */
export const MAX_HIT_RATIO = 10;

// Network analytics refuse the whole 100k graph (over their actor budget): they are asked of one
// département, as a parent of their paged `actors` and as the baseline their filters narrow further.
const departementScope = (s: Samples) => ({ filter: { territory: s.territories.find((t) => t.level === "DEPARTEMENT")!.id } });
// `actor` takes `id` or `identifier`, one of the two: reached and swept by id, and once by identifier instead.
const byHub = (s: Samples) => ({ id: s.hub });
const PARENT_ARGS: Record<string, (s: Samples) => Record<string, unknown>> = { NetworkAnalytics: departementScope, Actor: byHub };
const BASE_ARGS: Record<string, (s: Samples) => Record<string, unknown>> = {
  "Query.networkAnalytics": departementScope, "Query.recommendPartners": departementScope, "Query.actor": byHub,
};
/** Arguments of which a call gives exactly one, with a whole value of each: a filter call on one drops the others from the baseline. */
const ONE_OF: Record<string, Record<string, unknown>> = { "Query.actor": { id: undefined, identifier: { scheme: "SIREN", value: "552032534" } } };

export interface PlannedCall {
  name: string;
  /** The call without filter this one is compared with; undefined for a baseline. */
  baseline?: string;
  /** The filter argument's path ("filter.kinds"), none for a baseline. */
  filter?: string;
  field: SweptField;
  limitMs: number;
  query: string;
  variables: Record<string, unknown>;
}

/** Every call of the sweep: per swept field, its baseline (required arguments only), then each filter argument with each of its values. */
export function planCalls(schema: GraphQLSchema, samples: Samples): PlannedCall[] {
  const out: PlannedCall[] = [];
  for (const field of sweptFields(schema)) {
    const returnType = getNamedType(field.field.type).name;
    const base: Record<string, unknown> = {
      ...BASE_ARGS[`${field.owner}.${field.name}`]?.(samples),
      ...Object.fromEntries(field.required.map((arg) => [arg.name, requiredValue(samples, field.owner, field.name, arg, returnType)])),
    };
    let parentArgs: Record<string, unknown> | undefined;
    if (field.owner !== "Query") {
      const parent = parentFieldOf(schema, field.owner);
      parentArgs = PARENT_ARGS[field.owner]?.(samples) ??
        Object.fromEntries(parent.args.filter((a) => a.type.toString().endsWith("!") && a.defaultValue === undefined).map((a) => [a.name, requiredValue(samples, "Query", parent.name, a, field.owner)]));
    }
    const plan = (name: string, args: Record<string, unknown>, baseline?: string, filter?: string) =>
      out.push({ name, baseline, filter, field, limitMs: limitOf(field), ...operationOf(schema, { field, args, parentArgs }) });
    const baseline = callName(field);
    plan(baseline, base);
    for (const filter of field.filters) {
      for (const variant of filterVariants(samples, field, filter)) {
        const [top, inner] = filter.path;
        const oneOf = ONE_OF[`${field.owner}.${field.name}`] ?? {};
        const kept = Object.fromEntries(Object.entries(base).filter(([name]) => !(name in oneOf) || name === top));
        const start = (kept[top] ?? oneOf[top]) as object | undefined;
        const args = { ...kept, [top]: inner ? { ...start, [inner]: variant.value } : variant.value };
        plan(callName(field, filter, variantLabel(filter.path, variant.label)), args, baseline, filter.path.join("."));
      }
    }
  }
  return out;
}

// Territories are named in the table (one call per level); other values only in the JSON.
const variantLabel = (path: readonly string[], label: string) => (["territory", "within"].includes(path[path.length - 1]) ? label : undefined);

/** The API refusing the filter argument by design, naming it ("filter.territory: the profile's territory is…"): not a slow corner. */
export const isRefusal = (call: { filter?: string }, error: string | undefined) => !!(error && call.filter && error.startsWith(`["${call.filter}:`));

export interface Measure {
  /** The first call, cold plans and caches included (not in the p50). */
  firstMs: number;
  p50Ms: number;
  timesMs: number[];
  dbHits: number;
  statements: number;
  error?: string;
  loadAvg1m: number;
}

const ADMIN: Viewer = { role: Role.ADMIN, subject: "bench-sweep", caller: { kind: "script", id: "bench-sweep" } };

/** Runs calls in process through Apollo (no HTTP): timed on the plain executor, db hits from one more profiled call. */
export class SweepRunner {
  private readonly apollo;
  private readonly counter = new DbHitCounter();
  private readonly profiled: Executor;

  private constructor(schema: GraphQLSchema, private readonly executor: Executor) {
    this.apollo = createApollo(schema);
    this.profiled = profilingExecutor(executor, this.counter);
  }

  static async start(schema: GraphQLSchema, executor: Executor): Promise<SweepRunner> {
    const runner = new SweepRunner(schema, executor);
    await runner.apollo.start();
    return runner;
  }

  /** One call; analytics are computed afresh each time (their cache would time a lookup). */
  async once(call: Pick<PlannedCall, "query" | "variables">, executor = this.executor): Promise<{ ms: number; error?: string; data?: unknown }> {
    clearAnalyticsCache();
    const contextValue = createContext(executor, { viewer: ADMIN });
    const t = process.hrtime.bigint();
    const response = await this.apollo.executeOperation({ query: call.query, variables: call.variables }, { contextValue });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (response.body.kind !== "single") throw new Error("expected a single GraphQL result, got an incremental one");
    const { errors, data } = response.body.singleResult;
    return { ms, data, error: errors?.length ? JSON.stringify(errors.map((e) => e.message)).slice(0, 300) : undefined };
  }

  /** The db hits and statements of one profiled call. */
  async dbHits(call: Pick<PlannedCall, "query" | "variables">): Promise<{ dbHits: number; statements: number; error?: string }> {
    this.counter.reset();
    const { error } = await this.once(call, this.profiled);
    return { dbHits: this.counter.dbHits, statements: this.counter.statements, error };
  }

  async measure(call: PlannedCall, runs: number): Promise<Measure> {
    const first = await this.once(call);
    const timesMs: number[] = [];
    let error = first.error;
    for (let i = 0; i < runs && !error; i++) {
      const r = await this.once(call);
      error ??= r.error;
      timesMs.push(round(r.ms));
    }
    const hits = error ? { dbHits: 0, statements: 0 } : await this.dbHits(call);
    return { firstMs: round(first.ms), p50Ms: median(timesMs), timesMs, dbHits: hits.dbHits, statements: hits.statements, error: error ?? hits.error, loadAvg1m: round(loadavg()[0]) };
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
export const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : round((s[mid - 1] + s[mid]) / 2);
};

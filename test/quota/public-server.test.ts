import * as pool from "../../src/analytics/analytics.pool";
import { clearAnalyticsCache } from "../../src/analytics/analytics.repository";
import { loadAuthConfig } from "../../src/auth/auth.config";
import { Connection } from "../../src/neo4j/connect";
import { DEFAULT_QUOTAS, QuotaConfig } from "../../src/quota/quota.config";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";

/**
 * The quotas of a public server over HTTP: every client is told apart by X-Forwarded-For (the
 * server trusts one proxy hop), so each test counts from its own addresses.
 */
const KEY = "quota-reader-key-0123456789";
const QUOTAS: QuotaConfig = {
  ...DEFAULT_QUOTAS,
  windowSeconds: 60,
  anonymous: { requests: 6, cost: 50_000 },
  keyed: { requests: 20, cost: 1_000_000 },
  analyticsPerClient: 1,
  analyticsInProcess: 2,
  trustProxy: true,
};
const FRANCE_ANALYTICS = `query ($at: LocalDate) { networkAnalytics(filter: { territory: "FR" }, at: $at) { actorCount componentCount } }`;

let connection: Connection;
let server: MaillageServer;
let base: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  server = await createServer(connection.executor, { production: true, quotas: QUOTAS, auth: loadAuthConfig({ MAILLAGE_API_KEYS: `reader:${KEY}` }) });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});

afterAll(async () => {
  await server.stop();
  server.httpServer.close();
  await connection.close();
  await pool.closeAnalyticsPool();
});

const post = (ip: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers }, body: JSON.stringify({ query, variables }) });
const answer = async (response: Response) => ({ status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as any });

describe("analytics fields per operation", () => {
  it("refuses 30 aliases of networkAnalytics over France, naming the limit and the count found", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: networkAnalytics(filter: { territory: "FR" }, at: "2021-01-${String(i + 1).padStart(2, "0")}") { actorCount }`);
    const { status, body } = await answer(await post("198.51.100.1", `{ ${aliases.join(" ")} }`));
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: "The operation has 30 networkAnalytics / recommendPartners fields; at most 2 per operation.",
      extensions: { code: "QUERY_TOO_COMPLEX", limit: "maxAnalyticsFields" },
    });
  });
});

describe("a burst of analytics", () => {
  it("answers 429 to what is over the caps, and starts no more computations than the process cap", async () => {
    clearAnalyticsCache();
    // Computations are counted, and held until every refusal is in, so the caps are full throughout.
    let started = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const spy = jest.spyOn(pool, "runMetricsTask").mockImplementation(async () => {
      if (++started > 2) settle(); // over the cap: fail now rather than wait
      await gate;
      return {};
    });
    try {
      // 5 anonymous clients × 4 requests at once, each at a date of its own (no cache hit).
      const requests = Array.from({ length: 20 }, (_, i) => {
        const at = `2019-0${1 + Math.floor(i / 4)}-${String(10 + (i % 4)).padStart(2, "0")}`;
        return post(`198.51.100.${10 + Math.floor(i / 4)}`, FRANCE_ANALYTICS, { at });
      });
      const refused: Awaited<ReturnType<typeof answer>>[] = [];
      // Only the admitted ones wait on the gate: every other answer arrives before it opens.
      const all = requests.map((request) => request.then(answer).then((a) => (a.status === 429 && refused.push(a) === 18 && settle(), a)));
      await settled;
      open();
      const answers = await Promise.all(all);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(2);
      expect(refused).toHaveLength(18);
      expect(started).toBe(2);
      for (const { retryAfter, body } of refused) {
        expect(body.errors[0].extensions).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: 5 });
        expect(["concurrentAnalytics", "concurrentAnalyticsPerClient"]).toContain(body.errors[0].extensions.limit);
        expect(retryAfter).toBe("5");
      }
    } finally {
      open();
      spy.mockRestore();
    }
  });

  it("charges each analytics field to the cost quota, cached or not", async () => {
    // 50 000 a window: two analytics of 20 000 and some pass, the third is over.
    const ip = "198.51.100.30";
    for (const at of ["2018-01-01", "2018-01-01"]) expect((await post(ip, FRANCE_ANALYTICS, { at })).status).toBe(200);
    const { status, retryAfter, body } = await answer(await post(ip, FRANCE_ANALYTICS, { at: "2018-01-01" }));
    expect(status).toBe(429);
    expect(body.errors[0].extensions).toMatchObject({ code: "TOO_MANY_REQUESTS", limit: "anonymousCost" });
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});

describe("request quotas", () => {
  it("refuses an anonymous client past its count with 429 and Retry-After, and counts another IP apart", async () => {
    const ip = "198.51.100.40";
    for (let i = 0; i < 6; i++) expect((await post(ip, "{ sdgs { number } }")).status).toBe(200);
    const { status, retryAfter, body } = await answer(await post(ip, "{ sdgs { number } }"));
    expect(status).toBe(429);
    expect(body.errors[0]).toMatchObject({ extensions: { code: "TOO_MANY_REQUESTS", limit: "anonymousRequests" } });
    expect(body.errors[0].message).toMatch(/^Too many requests: over 6 requests in 60 s; retry in \d+ s$/);
    expect(body.errors[0].extensions.retryAfterSeconds).toBe(Number(retryAfter));
    expect((await post("198.51.100.41", "{ sdgs { number } }")).status).toBe(200);
  });

  it("counts an API key by its name, with its own allowance, wherever it calls from", async () => {
    for (let i = 0; i < 20; i++) expect((await post(`198.51.100.${50 + (i % 3)}`, "{ sdgs { number } }", {}, { "x-api-key": KEY })).status).toBe(200);
    const { status, body } = await answer(await post("198.51.100.59", "{ sdgs { number } }", {}, { "x-api-key": KEY }));
    expect(status).toBe(429);
    expect(body.errors[0].extensions.limit).toBe("keyRequests");
  });

  it("counts requests with a wrong key against the IP before answering 401", async () => {
    const ip = "198.51.100.60";
    for (let i = 0; i < 6; i++) expect((await post(ip, "{ sdgs { number } }", {}, { "x-api-key": "not-a-key-0123456789" })).status).toBe(401);
    expect((await post(ip, "{ sdgs { number } }", {}, { "x-api-key": "not-a-key-0123456789" })).status).toBe(429);
  });

  it("counts /export, answering 429 in the export error shape", async () => {
    const ip = "198.51.100.70";
    const get = () => fetch(`${base}/export/json`, { headers: { "x-forwarded-for": ip } });
    for (let i = 0; i < 6; i++) expect((await get()).status).toBe(401);
    const response = await get();
    expect(response.status).toBe(429);
    const body: any = await response.json();
    expect(body).toEqual({ error: { code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many requests: over 6 requests in 60 s/), retryAfterSeconds: Number(response.headers.get("retry-after")) } });
  });

  it("never limits /healthz, even for a client over its quota", async () => {
    const ip = "198.51.100.40"; // exhausted above
    expect((await post(ip, "{ sdgs { number } }")).status).toBe(429);
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/healthz`, { headers: { "x-forwarded-for": ip } })).status).toBe(200);
  });
});

describe("MAILLAGE_TRUST_PROXY off (the default)", () => {
  it("ignores X-Forwarded-For: every request from this host is one client", async () => {
    const direct = await createServer(connection.executor, { quotas: { ...QUOTAS, trustProxy: false, anonymous: { requests: 1, cost: 50_000 } } });
    const url = `http://127.0.0.1:${await direct.listen(0)}/graphql`;
    try {
      const send = (ip: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify({ query: "{ sdgs { number } }" }) });
      expect((await send("203.0.113.1")).status).toBe(200);
      expect((await send("203.0.113.2")).status).toBe(429);
    } finally {
      await direct.stop();
      direct.httpServer.close();
    }
  });
});

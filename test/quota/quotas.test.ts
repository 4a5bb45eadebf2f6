import { DEFAULT_QUOTAS, QuotaConfig } from "../../src/quota/quota.config";
import { quotaClient } from "../../src/quota/quota-client";
import { Quotas } from "../../src/quota/quotas";
import { Role } from "../../src/auth/viewer";

const config: QuotaConfig = {
  ...DEFAULT_QUOTAS,
  windowSeconds: 60,
  anonymous: { requests: 3, cost: 100 },
  keyed: { requests: 5, cost: 1_000 },
  analyticsPerClient: 1,
  analyticsInProcess: 2,
};
const anonymous = (ip: string) => quotaClient({ role: Role.ANONYMOUS, subject: null, caller: null }, ip);
const keyed = (name: string) => quotaClient({ role: Role.READER, subject: `api-key:${name}`, caller: { kind: "api-key", id: name } }, "10.0.0.1");
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error) => ({ message: error.message, ...error.extensions, http: undefined }));

describe("quotaClient", () => {
  it("counts a credential by its subject and anyone else by IP", () => {
    expect(keyed("bot")).toEqual({ key: "api-key:bot", anonymous: false });
    expect(anonymous("203.0.113.7")).toEqual({ key: "ip:203.0.113.7", anonymous: true });
  });
});

describe("Quotas", () => {
  it("refuses the request past the anonymous count with 429 and a Retry-After within the window, per IP", async () => {
    const quotas = new Quotas(config);
    for (let i = 0; i < 3; i++) await quotas.admitRequest(anonymous("1.1.1.1"));
    const refused = await refusal(quotas.admitRequest(anonymous("1.1.1.1")));
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", limit: "anonymousRequests", message: expect.stringMatching(/^Too many requests: over 3 requests in 60 s; retry in \d+ s$/) });
    expect(refused!.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(60);
    await quotas.admitRequest(anonymous("2.2.2.2")); // another IP has its own count
  });

  it("gives a key its own, larger allowance", async () => {
    const quotas = new Quotas(config);
    for (let i = 0; i < 5; i++) await quotas.admitRequest(keyed("bot"));
    expect(await refusal(quotas.admitRequest(keyed("bot")))).toMatchObject({ limit: "keyRequests" });
    await quotas.admitRequest(keyed("other"));
  });

  it("charges each operation's cost to the client's budget", async () => {
    const quotas = new Quotas(config);
    (await quotas.admitOperation(anonymous("1.1.1.1"), { cost: 60, analyticsFields: 0 }))();
    expect(await refusal(quotas.admitOperation(anonymous("1.1.1.1"), { cost: 60, analyticsFields: 0 }))).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      limit: "anonymousCost",
      message: expect.stringContaining("query cost over 100 in 60 s"),
    });
    (await quotas.admitOperation(keyed("bot"), { cost: 600, analyticsFields: 0 }))();
  });

  it("holds at most analyticsPerClient analytics operations per client and analyticsInProcess in all, until released", async () => {
    const quotas = new Quotas({ ...config, anonymous: { requests: 100, cost: 1_000_000 } });
    const analytics = { cost: 1, analyticsFields: 1 };
    const first = await quotas.admitOperation(anonymous("1.1.1.1"), analytics);
    expect(await refusal(quotas.admitOperation(anonymous("1.1.1.1"), analytics))).toMatchObject({ limit: "concurrentAnalyticsPerClient", retryAfterSeconds: 5 });
    const second = await quotas.admitOperation(anonymous("2.2.2.2"), analytics);
    expect(await refusal(quotas.admitOperation(anonymous("3.3.3.3"), analytics))).toMatchObject({ limit: "concurrentAnalytics" });
    expect(quotas.analyticsRunning).toBe(2);
    first();
    await new Promise((resolve) => setImmediate(resolve));
    expect(quotas.analyticsRunning).toBe(1);
    (await quotas.admitOperation(anonymous("1.1.1.1"), analytics))();
    second();
    // Operations without analytics take no slot.
    (await quotas.admitOperation(anonymous("4.4.4.4"), { cost: 1, analyticsFields: 0 }))();
  });

  it("charges no cost to an operation a cap refuses, and frees the slot of one the cost refuses", async () => {
    const quotas = new Quotas(config); // anonymous cost: 100 a window
    const held = await quotas.admitOperation(anonymous("1.1.1.1"), { cost: 50, analyticsFields: 1 });
    expect(await refusal(quotas.admitOperation(anonymous("1.1.1.1"), { cost: 50, analyticsFields: 1 }))).toMatchObject({ limit: "concurrentAnalyticsPerClient" });
    held();
    await new Promise((resolve) => setImmediate(resolve));
    (await quotas.admitOperation(anonymous("1.1.1.1"), { cost: 50, analyticsFields: 1 }))(); // 100 spent: the refused one cost nothing
    await new Promise((resolve) => setImmediate(resolve));
    expect(await refusal(quotas.admitOperation(anonymous("1.1.1.1"), { cost: 50, analyticsFields: 1 }))).toMatchObject({ limit: "anonymousCost" });
    await new Promise((resolve) => setImmediate(resolve));
    expect(quotas.analyticsRunning).toBe(0);
  });

  it("runs at most expensiveInProcess operations of cost expensiveCost or more at once, whoever sends them", async () => {
    const quotas = new Quotas({ ...config, keyed: { requests: 100, cost: 1_000_000 }, expensiveCost: 500, expensiveInProcess: 2 });
    const expensive = { cost: 500, analyticsFields: 0 };
    const held = [await quotas.admitOperation(keyed("a"), expensive), await quotas.admitOperation(keyed("b"), expensive)];
    expect(await refusal(quotas.admitOperation(keyed("c"), expensive))).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      limit: "concurrentExpensiveOperations",
      message: "Too many requests: 2 operations of cost 500 or more are running already (at most 2 at once); retry in 5 s",
    });
    (await quotas.admitOperation(keyed("c"), { cost: 499, analyticsFields: 0 }))(); // cheaper ones pass
    expect(quotas.expensiveRunning).toBe(2);
    held[0]();
    await new Promise((resolve) => setImmediate(resolve));
    (await quotas.admitOperation(keyed("c"), expensive))();
  });

  it("lets everything through when disabled, except the analytics caps", async () => {
    const quotas = new Quotas({ ...config, enabled: false });
    for (let i = 0; i < 10; i++) await quotas.admitRequest(anonymous("1.1.1.1"));
    (await quotas.admitOperation(anonymous("1.1.1.1"), { cost: 10_000, analyticsFields: 0 }))();
    await quotas.admitOperation(anonymous("1.1.1.1"), { cost: 1, analyticsFields: 1 });
    expect(await refusal(quotas.admitOperation(anonymous("1.1.1.1"), { cost: 1, analyticsFields: 1 }))).toMatchObject({ limit: "concurrentAnalyticsPerClient" });
  });
});

import { loadAuthConfig } from "../../src/auth/auth.config";
import { defaultHttpConfig } from "../../src/http/http.config";
import { useHttpServers } from "../support/http-servers";

/**
 * MAILLAGE_CORS_ORIGINS on /graphql and /export: `*` (the development default), a list, or
 * none at all (the production default: only pages of the same origin can read answers).
 */
const ADMIN_KEY = "cors-admin-key-0123456789";
const ALLOWED = "https://research.example.org";
const STRANGER = "https://evil.example.com";
const servers = useHttpServers();

function start(production: boolean, corsOrigins?: "*" | string[]): Promise<string> {
  const http = { ...defaultHttpConfig(production), ...(corsOrigins ? { corsOrigins } : {}) };
  return servers.start({ production, http, auth: loadAuthConfig({ MAILLAGE_API_KEYS: `admin:${ADMIN_KEY}` }) });
}

const query = (base: string, origin: string) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ query: "{ __typename }" }) });
const exportJson = (base: string, origin: string) => fetch(`${base}/export/json`, { headers: { origin, "x-api-key": ADMIN_KEY } });
const preflight = (base: string, path: string, origin: string) =>
  fetch(`${base}${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": path === "/graphql" ? "POST" : "GET", "access-control-request-headers": "content-type,x-api-key" },
  });

describe("CORS", () => {
  it("answers any origin in development by default, as before", async () => {
    const base = await start(false);
    const answer = await query(base, STRANGER);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect((await preflight(base, "/graphql", STRANGER)).headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers no other origin in production by default; same-origin requests still work", async () => {
    const base = await start(true);
    const answer = await query(base, STRANGER);
    expect(answer.status).toBe(200); // the browser, not the server, withholds it from the page
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await preflight(base, "/graphql", STRANGER);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    expect(pre.headers.get("access-control-allow-methods")).toBeNull();
    expect((await exportJson(base, STRANGER)).headers.get("access-control-allow-origin")).toBeNull();
    // What a page of the server's own origin sends.
    const own = await query(base, base);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("answers exactly the listed origins, on /graphql and /export", async () => {
    const base = await start(true, [ALLOWED, "http://localhost:3000"]);
    const allowed = await query(base, ALLOWED);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("vary")).toContain("Origin");
    expect((await query(base, STRANGER)).headers.get("access-control-allow-origin")).toBeNull();
    expect((await query(base, `${ALLOWED}.evil.com`)).headers.get("access-control-allow-origin")).toBeNull();

    const pre = await preflight(base, "/export/json", ALLOWED);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(pre.headers.get("access-control-allow-headers")).toBe("content-type,x-api-key");
    const exported = await exportJson(base, ALLOWED);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect((await exportJson(base, STRANGER)).headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight(base, "/export/json", STRANGER)).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers any origin with `*`, in production too", async () => {
    const base = await start(true, "*");
    expect((await query(base, STRANGER)).headers.get("access-control-allow-origin")).toBe("*");
  });
});

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { IDE } from "../../src/ide/ide.routes";
import { useHttpServers } from "../support/http-servers";

/**
 * helmet's headers and our strict CSP on every route; the IDE's page at GET /graphql adds only
 * fonts from data: URLs and a per-response nonce for <style> elements. (The explorer and the IDE run under them: test/explorer and test/ide
 * check in Chromium that they report no violation.)
 */
const ROOT = join(__dirname, "..", "..");
const servers = useHttpServers();

beforeAll(() => {
  // The IDE's page must be built for GET /graphql to serve it.
  if (!existsSync(join(ROOT, IDE.dist, IDE.bundle))) execFileSync(process.execPath, [join(ROOT, "scripts", "build-explorer.mjs")], { cwd: ROOT, stdio: "pipe" });
});

const start = (production: boolean) => servers.start({ production });

/** What Chromium sends when it opens a page. */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

const STRICT =
  "default-src 'self';base-uri 'none';connect-src 'self';font-src 'self';form-action 'self';frame-ancestors 'none';" +
  "img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'";

describe("security headers", () => {
  it.each([
    ["GET", "/healthz", undefined],
    ["GET", "/readyz", undefined],
    ["GET", "/metrics", undefined],
    ["POST", "/graphql", JSON.stringify({ query: "{ __typename }" })],
    ["GET", "/export/json", undefined],
    ["GET", "/explore/", undefined],
    ["GET", "/no-such-path", undefined],
    ["DELETE", "/healthz", undefined],
  ])("%s %s carries them, with the strict CSP", async (method, path, body) => {
    const base = await start(false);
    const response = await fetch(`${base}${path}`, { method, body, headers: body ? { "content-type": "application/json" } : {} });
    const headers = Object.fromEntries(response.headers);
    expect(headers).toMatchObject({
      "content-security-policy": STRICT,
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
      "strict-transport-security": expect.stringMatching(/^max-age=\d+/),
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
    });
    expect(headers["x-powered-by"]).toBeUndefined();
  });

  it("serves the IDE at GET /graphql to a browser with the strict CSP plus data: fonts and a <style> nonce of its own", async () => {
    const base = await start(false);
    const page = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("vary")).toContain("Accept");
    const csp = page.headers.get("content-security-policy")!;
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})';style-src-attr 'none'$/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toBe(STRICT.replace("font-src 'self';", "font-src 'self' data:;") + ` 'nonce-${nonce}';style-src-attr 'none'`);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain('<script src="ide/ide.js">');
    // The page hands GraphiQL's dialogs this response's nonce; the next response has another.
    expect(html).toContain(`<meta name="style-nonce" content="${nonce}">`);
    const again = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
    expect(html).not.toMatch(/https?:\/\//);
    // The same path for a GraphQL client (GET or POST), and the IDE's own assets, keep the strict one.
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(get.headers.get("content-security-policy")).toBe(STRICT);
    const post = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
    expect(post.headers.get("content-security-policy")).toBe(STRICT);
    expect((await fetch(`${base}/ide/ide.js`)).headers.get("content-security-policy")).toBe(STRICT);
  });

  it("serves no IDE in production by default: a JSON 404 saying how to turn it on, and the strict CSP", async () => {
    const base = await start(true);
    const prod = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT, "x-request-id": "ide-off-1" } });
    expect(prod.status).toBe(404);
    expect(prod.headers.get("content-security-policy")).toBe(STRICT);
    expect(await prod.json()).toEqual({
      errors: [
        {
          message: "The GraphQL IDE is off on this server (MAILLAGE_GRAPHQL_IDE=true turns it on); send queries to /graphql with a GraphQL client",
          extensions: { code: "NOT_FOUND", requestId: "ide-off-1" },
        },
      ],
    });
    expect((await fetch(`${base}/ide/ide.js`)).status).toBe(404);
  });
});

import { existsSync } from "node:fs";
import { Browser, chromium } from "playwright-core";
import { useHttpServers } from "../support/http-servers";

/**
 * helmet's headers and our strict CSP on every route; in development only, the relaxed CSP
 * that Apollo's Sandbox landing page at GET /graphql needs. (The explorer runs under the strict
 * one: test/explorer checks it reports no violation.)
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const servers = useHttpServers();

const start = (production: boolean) => servers.start({ production });

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

  it("relaxes the CSP for the Sandbox landing page at GET /graphql in development only", async () => {
    const dev = await fetch(`${await start(false)}/graphql`, { headers: { accept: "text/html" } });
    expect(dev.status).toBe(200);
    expect(await dev.text()).toContain("embeddable-sandbox.cdn.apollographql.com");
    const relaxed = dev.headers.get("content-security-policy")!;
    expect(relaxed).toContain("script-src 'self' 'unsafe-inline' https://apollo-server-landing-page.cdn.apollographql.com https://embeddable-sandbox.cdn.apollographql.com");
    expect(relaxed).toContain("frame-src https://sandbox.embed.apollographql.com");
    expect(relaxed).toContain("object-src 'none'");
    // The same path in POST, and every other path, keep the strict one.
    const post = await fetch(`${await start(false)}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
    expect(post.headers.get("content-security-policy")).toBe(STRICT);
  });

  it("serves no landing page in production (it would load Apollo's CDN), and the strict CSP", async () => {
    const prod = await fetch(`${await start(true)}/graphql`, { headers: { accept: "text/html" } });
    expect(prod.headers.get("content-security-policy")).toBe(STRICT);
    const text = await prod.text();
    expect(text).not.toContain("apollographql.com");
    expect(prod.status).toBe(400);
  });

  it("lets the development landing page run its inline scripts and styles in Chromium", async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
    const base = await start(false);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
      const page = await browser.newPage();
      // The CDN itself is out of reach here (offline): only what our header would refuse counts.
      await page.route(/apollographql\.com|googleapis\.com|gstatic\.com/, (route) => route.fulfill({ status: 200, contentType: "text/plain", body: "" }));
      await page.addInitScript(
        'window.__cspViolations = []; document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));',
      );
      await page.goto(`${base}/graphql`, { waitUntil: "load" });
      expect(await page.evaluate("window.__cspViolations")).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});

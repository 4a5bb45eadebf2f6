import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import express from "express";
import { Browser, chromium, Page } from "playwright-core";
import { explorerRoutes } from "../../src/explorer/explorer.routes";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { DEMO_GRAPH } from "../../src/seed/seed";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";

/**
 * The explorer at /explore, in Debian's Chromium (CI installs it): search Le RAMEAU, draw its
 * network, select it, read its sources in the panel, download PNG and GEXF — all offline.
 */
const ROOT = join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOT = join(__dirname, "__screenshots__", "explore.png");
const SOURCE_TITLE = "Apprenons à valoriser le « faire alliance »";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let connection: Connection;
let server: MaillageServer;
let base: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];
const missing: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  // Always rebuilt, so the page under test is the source under test (type-checked too).
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-explorer.mjs")], { cwd: ROOT, stdio: "pipe" });
  connection = await openTestDatabase();
  await loadDocument(connection.executor, DEMO_GRAPH); // idempotent: MERGE on ids
  server = await createServer(connection.executor);
  base = `http://127.0.0.1:${await server.listen(0)}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // The networkAnalytics probe may answer 400 (field not in this API yet): not an error of the page.
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && pageErrors.push(m.text()));
  page.on("response", (response) => response.status() === 404 && missing.push(response.url()));
  page.on("request", (request) => !request.url().startsWith(base) && !request.url().startsWith("blob:") && foreignRequests.push(request.url()));
  // Every CSP violation the page would cause, as "directive blocked-uri" (the page must run under the server's strict CSP).
  await page.addInitScript(
    'window.__cspViolations = []; document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));',
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.httpServer.close();
  await connection?.close();
});

const explorer = <T>(expression: string): Promise<T> => page.evaluate(`window.__explorer.${expression}`) as Promise<T>;

async function waitUntilDrawn(): Promise<void> {
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]');
  expect(await page.getAttribute("body", "data-state")).toBe("ready");
}

describe("GET /explore", () => {
  it("serves the page, its bundle and its styles from the server itself", async () => {
    const redirect = await fetch(`${base}/explore`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/explore/");
    const pageResponse = await fetch(`${base}/explore/`);
    expect(pageResponse.headers.get("content-security-policy")).toContain("script-src 'self';");
    const html = await pageResponse.text();
    expect(html).toContain('<script src="explorer.js">');
    for (const [file, type] of [["explorer.js", "javascript"], ["styles.css", "text/css"]]) {
      const response = await fetch(`${base}/explore/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain(type);
    }
  });

  it("answers 503 with what to run while the bundle is not built", async () => {
    const app = express().use("/explore", explorerRoutes({ dir: join(__dirname, "not-built") }));
    const other = app.listen(0);
    try {
      const port = (other.address() as { port: number }).port;
      const response = await fetch(`http://127.0.0.1:${port}/explore/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("npm run build");
    } finally {
      other.close();
    }
  });
});

describe("the explorer in Chromium", () => {
  it("finds Le RAMEAU by search and draws its co-construction network", async () => {
    await page.goto(`${base}/explore/`);
    await page.fill("#search", "rameau");
    await page.click('#search-results li[data-id="le-rameau"]');
    await waitUntilDrawn();
    expect(await explorer<number>("nodeCount")).toBeGreaterThanOrEqual(10);
    expect(await explorer<number>("edgeCount")).toBeGreaterThan(0);
    expect(Number(await page.getAttribute("#sigma", "data-node-count"))).toBe(await explorer<number>("nodeCount"));
    expect(await page.textContent("#legend")).toContain("Association");
  });

  it("shows the clicked actor's alliances, outcomes and their sources in the side panel", async () => {
    const position = await explorer<{ x: number; y: number }>('viewportPosition("actor:le-rameau")');
    const box = (await page.locator("#sigma").boundingBox())!;
    await page.mouse.click(box.x + position.x, box.y + position.y);
    await page.waitForSelector("#panel h3");
    expect(await explorer<string>("selectedNode")).toBe("actor:le-rameau");
    const panel = (await page.textContent("#panel"))!;
    expect(panel).toContain("Le RAMEAU");
    expect(panel).toContain("Alliances (9)");
    expect(panel).toContain("pilote");
    expect(panel).toContain("Séminaire de recherche du 30 mars 2022");
    expect(panel).toContain(SOURCE_TITLE);
    expect(panel).toContain("Le RAMEAU, 2022-03-10");
    mkdirSync(join(__dirname, "__screenshots__"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it("downloads the drawing as a PNG and the graph as GEXF", async () => {
    const png = await explorer<{ type: string; size: number; head: number[] }>("exportPng()");
    expect(png.type).toBe("image/png");
    expect(png.head).toEqual(PNG_SIGNATURE);
    expect(png.size).toBeGreaterThan(5_000);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-png")]);
    expect(download.suggestedFilename()).toBe("maillage-le-rameau.png");
    expect([...readFileSync((await download.path())!).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    await download.saveAs(join(__dirname, "__screenshots__", "export.png"));

    const gexf = await explorer<string>("gexf()");
    expect(gexf).toContain("<gexf");
    expect(gexf).toContain('label="Le RAMEAU"');
  });

  it("re-queries the network as it stood at the year on the time slider", async () => {
    const before = await explorer<number>("nodeCount");
    // The media dialogue started on 2022-03-28: at the end of 2021 the journalists are not linked yet.
    await page.locator("#year").fill("2021");
    await waitUntilDrawn();
    expect(await page.inputValue("#at")).toBe("2021-12-31");
    expect(await explorer<number>("nodeCount")).toBe(before - 1);
    await page.click("#clear-at");
    await waitUntilDrawn();
    expect(await explorer<number>("nodeCount")).toBe(before);
  });

  it("hides the actors of unticked kinds without asking the API again", async () => {
    const before = await explorer<number>("nodeCount");
    await page.uncheck('#actor-kinds input[value="ACADEMIC"]');
    const academics = DEMO_GRAPH.actors.filter((a: any) => a.kind === "ACADEMIC").length;
    expect(await explorer<number>("nodeCount")).toBe(before - academics);
    await page.check('#actor-kinds input[value="ACADEMIC"]');
    expect(await explorer<number>("nodeCount")).toBe(before);
  });

  it("colours by community when the API has networkAnalytics, and offers only kinds otherwise", async () => {
    const introspection: any = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ __type(name: "Query") { fields { name } } }' }),
    }).then((response) => response.json());
    const hasAnalytics = introspection.data.__type.fields.some((field: { name: string }) => field.name === "networkAnalytics");
    expect(await page.isDisabled('#color-by option[value="community"]')).toBe(!hasAnalytics);
    expect(await page.isDisabled('#size-by option[value="pageRank"]')).toBe(!hasAnalytics);
    if (!hasAnalytics) return;
    await page.selectOption("#color-by", "community");
    await page.selectOption("#size-by", "pageRank");
    expect(await page.textContent("#legend")).toContain("Communauté 1");
    expect(await page.textContent("#legend")).not.toContain("Non calculée");
    await page.selectOption("#color-by", "kind");
    await page.selectOption("#size-by", "degree");
  });

  it("draws a territory's network from the actors of its alliances, or based in it", async () => {
    await page.fill("#search", "paris");
    await page.click('#search-results li[data-id="COMMUNE:75056"]');
    await waitUntilDrawn();
    // No demo alliance acts inside Paris (they act in all of France): the seeds are the eight
    // demo actors based there, and their partners make up the rest.
    expect(await explorer<number>("nodeCount")).toBeGreaterThanOrEqual(10);
    expect(await page.textContent("#status")).toContain("Paris");
  });

  it("loaded nothing from outside the server, missed no file and logged no error", async () => {
    expect(await page.evaluate("window.__cspViolations")).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(missing).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import express from "express";
import { Browser, Page } from "playwright-core";
import { loadAuthConfig } from "../../src/auth/auth.config";
import { explorerRoutes } from "../../src/explorer/explorer.routes";
import { MAX_DEPTH, MAX_NODES, MAX_SEEDS } from "../../src/network/network.args";
import * as explorerLimits from "../../explorer/limits";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { DEMO_GRAPH } from "../../src/seed/seed";
import { createServer, MaillageServer } from "../../src/server";
import { BACKGROUND_PREFIX } from "../support/background";
import { startBrowser } from "../support/browser";
import { openTestDatabase } from "../support/database";

/**
 * The explorer at /explore, in Debian's Chromium (CI installs it): search Le RAMEAU, draw its
 * network, select it, read its sources in the panel, expand a partner, download PNG and GEXF;
 * a territory drawn as a sample says so with the numbers; a server that wants a key gets one —
 * all offline, at 1400×900 and 1280×720.
 */
const SCREENSHOTS = join(__dirname, "__screenshots__");
const SCREENSHOT = join(SCREENSHOTS, "explore.png");
/** A reader key for the server that requires one for reads. */
const READER_KEY = "explorer-test-reader-key-0123456789";
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
  connection = await openTestDatabase();
  await loadDocument(connection.executor, DEMO_GRAPH); // idempotent: MERGE on ids
  server = await createServer(connection.executor);
  base = `http://127.0.0.1:${await server.listen(0)}`;
  browser = await startBrowser(["--use-angle=swiftshader", "--enable-unsafe-swiftshader"]);
  page = await watchedPage(base);
});

/** A page that records its errors, 404s, requests outside `server` and CSP violations (checked by the last test). */
async function watchedPage(server: string): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  opened.on("pageerror", (error) => pageErrors.push(error.message));
  // The networkAnalytics probe may answer 400 (field not in this API yet) and a keyed server 401: not errors of the page.
  opened.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && pageErrors.push(m.text()));
  opened.on("response", (response) => response.status() === 404 && missing.push(response.url()));
  opened.on("request", (request) => !request.url().startsWith(server) && !request.url().startsWith("blob:") && foreignRequests.push(request.url()));
  // Every CSP violation the page would cause, as "directive blocked-uri" (the page must run under the server's strict CSP).
  await opened.addInitScript(
    'window.__cspViolations = []; document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));',
  );
  pages.push(opened);
  return opened;
}
const pages: Page[] = [];

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.httpServer.close();
  await connection?.close();
});

const explorer = <T>(expression: string): Promise<T> => page.evaluate(`window.__explorer.${expression}`) as Promise<T>;

async function waitUntilDrawn(on: Page = page): Promise<void> {
  await on.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60_000 });
  expect(await on.textContent("#status")).not.toContain("Erreur");
  expect(await on.getAttribute("body", "data-state")).toBe("ready");
}

/** Waits until `expression` is truthy in the page, polling from here: waitForFunction would eval in the page, which its CSP refuses. */
async function until(on: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await on.evaluate(expression)); ) {
    if (Date.now() > end) throw new Error(`still false after ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Text without its spaces (French numbers are grouped with narrow no-break spaces: "1 108"). */
const squeeze = (text: string | null) => (text ?? "").replace(/\s/g, "");
const fr = (n: number) => n.toLocaleString("fr-FR");

async function pickFromSearch(text: string, id: string): Promise<void> {
  await page.fill("#search", text);
  await page.click(`#search-results li[data-id="${id}"]`);
  await waitUntilDrawn();
}

/** Actors co-member of an alliance with one of `ids` (any date), `ids` included: the depth-1 network, counted in Cypher. */
async function neighbourhood(ids: string[]): Promise<Set<string>> {
  const rows = await connection.executor.read(
    `MATCH (a:Actor) WHERE a.id IN $ids
     OPTIONAL MATCH (a)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor)
     RETURN collect(DISTINCT a.id) + collect(DISTINCT b.id) AS ids`,
    { ids },
  );
  return new Set(rows[0].ids as string[]);
}

/** Both boxes on screen and apart: the legend and the side panel at this viewport. */
async function expectLaidOut(width: number, height: number): Promise<void> {
  const legend = (await page.locator("#legend").boundingBox())!;
  const panel = (await page.locator("#panel").boundingBox())!;
  const stage = (await page.locator("#sigma").boundingBox())!;
  for (const box of [legend, panel, stage]) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
  }
  const apart = (a: typeof legend, b: typeof legend) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  expect(apart(legend, panel)).toBe(true);
  // The drawing ends where the panel begins, and sigma draws over exactly that width (labels are not under the panel).
  expect(stage.x + stage.width).toBeLessThanOrEqual(panel.x);
  expect(await explorer<number>("canvasWidth")).toBe(Math.round(stage.width));
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

    // The server's GEXF writer: GEXF 1.3, the export's attributes, the drawing as viz; valid against the official schemas.
    const gexf = await explorer<string>("gexf()");
    expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz">');
    expect(gexf).toContain('label="Le RAMEAU"');
    expect(gexf).toContain('<attvalue for="type" value="Actor"/>');
    expect(gexf).toContain("<viz:position ");
    writeFileSync(join(SCREENSHOTS, "export.gexf"), gexf);
    const validated = await promisify(execFile)("python3", [join(__dirname, "..", "python", "validate_gexf.py"), join(SCREENSHOTS, "export.gexf")]);
    expect(JSON.parse(validated.stdout)).toEqual({ rng: [], xsd: [] });
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

  it("states what is drawn in French, naming the actor without an article to get wrong", async () => {
    await pickFromSearch("rameau", "le-rameau");
    const { actors, ties } = await explorer<{ actors: number; ties: number }>("shown");
    expect(await page.textContent("#status")).toBe(`Le RAMEAU et ses partenaires (profondeur 1) : ${actors} acteurs, ${ties} liens de co-construction.`);
    expect(await page.isHidden("#notice")).toBe(true); // the whole depth-1 network: nothing to say
    expect(await page.isHidden("#dashboard-link")).toBe(true); // an actor, not a territory
  });

  it("lays out the legend and the side panel on screen, apart, at 1400×900 and 1280×720", async () => {
    await explorer("select('actor:le-rameau')");
    await page.waitForSelector("#panel h3");
    await expectLaidOut(1400, 900);
    await page.setViewportSize({ width: 1280, height: 720 });
    await until(page, "window.__explorer.canvasWidth === Math.round(document.getElementById('sigma').getBoundingClientRect().width)");
    await expectLaidOut(1280, 720);
    await page.evaluate('document.getElementById("controls").scrollTop = 0');
    await page.screenshot({ path: join(SCREENSHOTS, "explore-1280x720.png") });
    await page.setViewportSize({ width: 1400, height: 900 });
    await explorer("select(null)");
  });

  it("expands a partner's neighbourhood into the drawing, keeping what was drawn in place", async () => {
    // The first demo actor (by id) with a partner whose own partners are not all in its network, and that partner.
    let origin: any;
    let partner: string | undefined;
    let around = new Set<string>();
    let merged = new Set<string>();
    for (const actor of [...DEMO_GRAPH.actors].sort((a: any, b: any) => (a.id < b.id ? -1 : 1)) as any[]) {
      around = await neighbourhood([actor.id]);
      for (const id of [...around].filter((id) => id !== actor.id).sort()) {
        merged = new Set([...around, ...(await neighbourhood([id]))]);
        if (merged.size > around.size) [origin, partner] = [actor, id];
        if (partner) break;
      }
      if (partner) break;
    }
    expect(partner).toBeDefined();
    await pickFromSearch(origin.name, origin.id);
    expect(await explorer<number>("nodeCount")).toBe(around.size);
    const before = await explorer<{ x: number; y: number }>(`position("actor:${origin.id}")`)
    await explorer(`select("actor:${partner}")`);
    await page.waitForSelector("#panel #expand");
    await page.click("#panel #expand");
    await page.waitForSelector("#panel #expand:disabled");
    await waitUntilDrawn();
    expect(await explorer<number>("nodeCount")).toBe(merged.size);
    expect(await explorer<{ x: number; y: number }>(`position("actor:${origin.id}")`)).toEqual(before);
    expect(await page.textContent("#panel #expand")).toBe("Partenaires ajoutés");
    await explorer("select(null)");

    // A double-click on the node does the same.
    await pickFromSearch(origin.name, origin.id);
    expect(await explorer<number>("nodeCount")).toBe(around.size);
    const position = await explorer<{ x: number; y: number }>(`viewportPosition("actor:${partner}")`);
    const box = (await page.locator("#sigma").boundingBox())!;
    await page.mouse.dblclick(box.x + position.x, box.y + position.y);
    await until(page, `window.__explorer.nodeCount === ${merged.size}`);
    await waitUntilDrawn();
  });

  it("says a territory's drawing is a sample, with the numbers, and shows more up to the API's limits", async () => {
    // The whole, counted in Cypher: actors with a membership in an alliance acting in France (or inside it), pairs of them sharing one.
    const IN_FRANCE = `MATCH (fr:Territory {id: "COUNTRY:FR"})
      MATCH (al:Alliance)-[:ACTS_IN]->(p:Territory)
      WHERE fr.id IN [(p)-[:PART_OF*0..4]->(up:Territory) | up.id] OR fr.id IN [(p)-[:PART_OF*0..1]->(:Territory)-[:IN_EPCI]->(up:Territory) | up.id]
      WITH DISTINCT al
      MATCH (al)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(a:Actor)`;
    const [{ actors }] = await connection.executor.read(`${IN_FRANCE} RETURN count(DISTINCT a) AS actors`);
    const [{ ties }] = await connection.executor.read(
      `${IN_FRANCE} MATCH (al)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor) WHERE a.id < b.id RETURN count(DISTINCT [a.id, b.id]) AS ties`,
    );
    const counted = { actors: Number(actors), ties: Number(ties) };
    expect(counted.actors).toBeGreaterThan(explorerLimits.DEFAULT_MAX_NODES); // the premise: France is not drawn whole at first

    await pickFromSearch("France", "COUNTRY:FR");
    let shown = await explorer<{ actors: number; ties: number; truncated: boolean; maxNodes: number; depth: number; whole: { actors: number; ties: number } }>("shown");
    expect(shown.whole).toEqual(counted);
    expect(squeeze(await page.textContent("#status"))).toBe(
      squeeze(`France — alliances actives dans ce territoire : ${fr(shown.actors)} acteurs sur ${fr(counted.actors)} et ${fr(shown.ties)} liens de co-construction sur ${fr(counted.ties)} affichés.`),
    );
    expect(await page.isVisible("#notice")).toBe(true);
    expect(squeeze(await page.textContent("#notice-text"))).toContain(squeeze(`Échantillon : ${fr(shown.actors)} des ${fr(counted.actors)} acteurs et ${fr(shown.ties)} des ${fr(counted.ties)} liens`));
    expect(await page.getAttribute("#dashboard-link", "href")).toBe("dashboard/?territory=COUNTRY%3AFR");
    expect(await page.isVisible("#dashboard-link")).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "explore-sample.png") });

    // "Show more": a larger maxNodes when nodes were dropped, else one more hop, until the API's limits.
    while (await page.isVisible("#show-more")) {
      const previous = shown;
      await page.click("#show-more");
      await waitUntilDrawn();
      shown = await explorer("shown");
      if (previous.truncated) expect([shown.maxNodes, shown.depth]).toEqual([Math.min(MAX_NODES, 2 * previous.maxNodes), previous.depth]);
      else expect([shown.maxNodes, shown.depth]).toEqual([previous.maxNodes, previous.depth + 1]);
      expect(shown.actors).toBeGreaterThanOrEqual(previous.actors);
      expect(shown.actors).toBeLessThanOrEqual(shown.maxNodes);
    }
    if (shown.actors === counted.actors && shown.ties === counted.ties) {
      expect(await page.isHidden("#notice")).toBe(true); // all of it drawn: nothing more to say
    } else {
      expect(shown.truncated ? shown.maxNodes : shown.depth).toBe(shown.truncated ? MAX_NODES : MAX_DEPTH);
      if (shown.truncated) expect(shown.actors).toBe(MAX_NODES);
      const notice = squeeze(await page.textContent("#notice-text"));
      expect(notice).toContain(squeeze(`${fr(shown.actors)} des ${fr(counted.actors)} acteurs`));
      expect(notice).toContain(squeeze(`Limite atteinte : l'API renvoie au plus ${fr(MAX_NODES)} acteurs`));
    }
  }, 300_000);

  it("says an actor's network was cut at maxNodes, with its totals before the cap", async () => {
    // The best-connected generated actor with a name of its own (so the search finds it), and its network three hops out, in Cypher.
    const [{ id, name }] = await connection.executor.read(
      `MATCH (a:Actor) WHERE a.id STARTS WITH $prefix AND COUNT { (o:Actor) WHERE o.name = a.name } = 1
       RETURN a.id AS id, a.name AS name ORDER BY COUNT { (a)-[:HAS_MEMBERSHIP]->() } DESC, a.id LIMIT 1`,
      { prefix: BACKGROUND_PREFIX },
    );
    let reached = new Set<string>([id]);
    for (let hop = 0; hop < 3; hop++) reached = await neighbourhood([...reached]);
    expect(reached.size).toBeGreaterThan(explorerLimits.DEFAULT_MAX_NODES); // the premise: it cannot be drawn whole at first
    const [{ ties }] = await connection.executor.read(
      `MATCH (a:Actor)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor)
       WHERE a.id IN $ids AND b.id IN $ids AND a.id < b.id RETURN count(DISTINCT [a.id, b.id]) AS ties`,
      { ids: [...reached] },
    );
    await page.selectOption("#depth", "3");
    await pickFromSearch(name, id);
    const shown = await explorer<{ actors: number; ties: number; truncated: boolean }>("shown");
    expect([shown.truncated, shown.actors]).toEqual([true, explorerLimits.DEFAULT_MAX_NODES]);
    expect(squeeze(await page.textContent("#notice-text"))).toBe(
      squeeze(`Tronqué : ${fr(shown.actors)} des ${fr(reached.size)} acteurs et ${fr(shown.ties)} des ${fr(Number(ties))} liens de ce réseau sont affichés, les plus proches d'abord.`),
    );
    expect(await page.textContent("#show-more")).toBe(`Afficher plus (jusqu'à ${fr(2 * explorerLimits.DEFAULT_MAX_NODES)} acteurs)`);
    await page.selectOption("#depth", "1");
    await waitUntilDrawn();
  }, 120_000);

  it("draws a territory's network from the actors of its alliances, or based in it", async () => {
    await page.fill("#search", "paris");
    await page.click('#search-results li[data-id="COMMUNE:75056"]');
    await waitUntilDrawn();
    // No demo alliance acts inside Paris (they act in all of France): the seeds are the eight
    // demo actors based there, and their partners make up the rest.
    expect(await explorer<number>("nodeCount")).toBeGreaterThanOrEqual(10);
    expect(await page.textContent("#status")).toContain("Paris");
  });

  it("draws the actors based in a territory no alliance acts in, and says so without an article to get wrong", async () => {
    // A commune named with an article ("Le …"), with actors based in it and no alliance acting in or inside it.
    const [{ id, name, based }] = await connection.executor.read(
      `MATCH (a:Actor)-[:BASED_IN]->(t:Territory {level: "COMMUNE"}) WHERE t.name STARTS WITH "Le "
         AND NOT EXISTS { MATCH (:Alliance)-[:ACTS_IN]->(p:Territory) WHERE t.id IN [(p)-[:PART_OF*0..4]->(up:Territory) | up.id] }
       WITH t, collect(a.id) AS based WHERE size(based) <= $maxSeeds
       RETURN t.id AS id, t.name AS name, based ORDER BY size(based) DESC, t.id LIMIT 1`,
      { maxSeeds: MAX_SEEDS },
    );
    const expected = await neighbourhood(based);
    // Places come first: the many actors named after the commune ("Ville de Le …") do not crowd it out.
    await page.fill("#search", name);
    await page.waitForSelector(`#search-results li[data-id="${id}"]`);
    expect(await page.getAttribute("#search-results li:first-child", "data-id")).toBe(id);
    await pickFromSearch(name, id);
    const { actors, ties } = await explorer<{ actors: number; ties: number }>("shown");
    expect(actors).toBe(expected.size);
    expect(await page.textContent("#status")).toBe(
      `${name} — aucune alliance n'agit dans ce territoire ; les acteurs qui y sont basés et leurs partenaires : ${fr(actors)} acteurs, ${fr(ties)} liens de co-construction.`,
    );
    expect(await page.isHidden("#notice")).toBe(true); // every actor based there is a seed, the whole depth-1 network is drawn
    expect(await page.getAttribute("#dashboard-link", "href")).toBe(`dashboard/?territory=${encodeURIComponent(id)}`);
  });

  it("asks for an API key when reads require one, keeps it in sessionStorage and sends it as X-API-Key", async () => {
    const keyed = await createServer(connection.executor, { auth: loadAuthConfig({ MAILLAGE_API_KEYS: `reader:${READER_KEY}`, MAILLAGE_READS_REQUIRE_KEY: "true" }) });
    const keyedBase = `http://127.0.0.1:${await keyed.listen(0)}`;
    try {
      const other = await watchedPage(keyedBase);
      const sent: (string | null)[] = [];
      other.on("request", (request) => request.url().endsWith("/graphql") && sent.push(request.headers()["x-api-key"] ?? null));
      await other.goto(`${keyedBase}/explore/`);
      await other.waitForSelector("#key-form:not([hidden])");
      expect(await other.textContent("#key-message")).toBe("Ce serveur demande une clé d'API pour lire les données.");
      await other.screenshot({ path: join(SCREENSHOTS, "explore-key.png") });
      expect(sent).toEqual([null]); // the SDG list, refused

      await other.fill("#api-key", "not-a-key-of-this-server");
      await other.click('#key-form button[type="submit"]');
      await until(other, 'document.getElementById("key-message").textContent.startsWith("Clé refusée")');
      expect(await other.textContent("#key-message")).toMatch(/^Clé refusée : .*unknown API key$/);

      await other.fill("#api-key", READER_KEY);
      await other.click('#key-form button[type="submit"]');
      expect(await other.evaluate('sessionStorage.getItem("maillage.apiKey")')).toBe(READER_KEY);
      await until(other, 'document.querySelectorAll("#sdgs option").length === 17');
      await other.fill("#search", "rameau");
      await other.click('#search-results li[data-id="le-rameau"]');
      await waitUntilDrawn(other);
      expect(await other.isHidden("#key-form")).toBe(true);
      expect(await other.evaluate("window.__explorer.nodeCount")).toBe((await neighbourhood(["le-rameau"])).size);
      // Every request after the key was given carried it.
      const given = sent.indexOf(READER_KEY);
      expect(sent.slice(0, given)).toEqual([null, "not-a-key-of-this-server"]);
      expect(sent.slice(given).every((key) => key === READER_KEY)).toBe(true);
      expect(sent.length - given).toBeGreaterThanOrEqual(4); // SDGs, search, network, analytics

      // The tab keeps it: a reload asks nothing.
      await other.reload();
      await until(other, 'document.querySelectorAll("#sdgs option").length === 17');
      expect(await other.isHidden("#key-form")).toBe(true);
    } finally {
      await keyed.stop();
      keyed.httpServer.close();
    }
  });

  it("loaded nothing from outside the server, missed no file and logged no error", async () => {
    expect(pages.length).toBe(2);
    for (const opened of pages) expect(await opened.evaluate("window.__cspViolations")).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(missing).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe("explorer/limits.ts", () => {
  it("asks within the network query's own bounds", () => {
    expect([explorerLimits.MAX_NODES, explorerLimits.MAX_DEPTH, explorerLimits.MAX_SEEDS]).toEqual([MAX_NODES, MAX_DEPTH, MAX_SEEDS]);
  });
});

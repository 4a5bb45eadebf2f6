import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Browser, Download, Page } from "playwright-core";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { DEMO_GRAPH } from "../../src/seed/seed";
import { loadAuthConfig } from "../../src/auth/auth.config";
import { loadTrustedDocuments } from "../../src/graphql/trusted-documents";
import { createServer, MaillageServer } from "../../src/server";
import { startBrowser } from "../support/browser";
import { openTestDatabase } from "../support/database";

/**
 * The territory dashboard at /explore/dashboard/, in Debian's Chromium: Val-de-Marne's five
 * plots drawn with the numbers the API gives, each saved as PNG, SVG and CSV — offline, under
 * the server's strict CSP, on a server that runs registered documents only
 * (MAILLAGE_TRUSTED_DOCUMENTS). The database holds the demo graph, the generated "bg-" graph and
 * other fixtures: every expectation comes from the API's own answer to the page's operation.
 */
const ROOT = join(__dirname, "..", "..");
const OPERATIONS = readFileSync(join(ROOT, "explorer", "dashboard", "operations.graphql"), "utf8");
const TERRITORY = "DEPARTEMENT:94";
const AT = "2019-06-01";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MATURITY_LEVELS = ["DISCOVERING", "EXPERIMENTING", "STRUCTURING", "PIONEERING"];
const SUBJECTS: Record<string, string> = { TERRITORY: "Territoires", ACTOR: "Acteurs" };

let connection: Connection;
let server: MaillageServer;
let base: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];
const missing: string[] = [];

interface Count {
  key: string;
  label: string;
  count: number;
}
interface Answer {
  territoryProfile: {
    territory: { id: string; name: string };
    allianceCount: number;
    actorsByKind: Count[];
    statistics: {
      byKind: Count[];
      byStartYearAndKind: { year: number; kind: string; label: string; count: number }[];
      partnershipMix: { a: string; b: string; allianceCount: number }[];
      bySdg: Count[];
    };
  };
  territoryMaturity: Count[];
  actorMaturity: Count[];
}

beforeAll(async () => {
  connection = await openTestDatabase();
  await loadDocument(connection.executor, DEMO_GRAPH); // idempotent: MERGE on ids
  // Only registered documents run here: the page must send its operations as registered.
  server = await createServer(connection.executor, { trustedDocuments: loadTrustedDocuments({ MAILLAGE_TRUSTED_DOCUMENTS: "true" }) });
  base = `http://127.0.0.1:${await server.listen(0)}`;
  browser = await startBrowser(["--lang=fr-FR"]);
  page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: "fr-FR", acceptDownloads: true });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  page.on("response", (response) => response.status() >= 400 && missing.push(`${response.status()} ${response.url()}`));
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

/** The API's answer to the page's own operation, over HTTP like the page. */
async function api(territory: string, at: string | null): Promise<Answer> {
  const run = async (operationName: string) => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: OPERATIONS, operationName, variables: { territory, at } }),
    });
    const body = (await response.json()) as { data: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  return { ...(await run("DashboardTerritory")), ...(await run("DashboardMaturity")) };
}

async function open(query: string): Promise<void> {
  await page.goto(`${base}/explore/dashboard/?${query}`);
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]');
}

/** The tooltips of a plot's marks of one kind (Plot's aria-label: "bar", "cell"…), in drawing order. */
function titles(plot: string, mark: string): Promise<string[]> {
  return page.$$eval(`#${plot} svg g[aria-label="${mark}"]:not(.empty) title`, (nodes) => nodes.map((node) => node.textContent ?? ""));
}

/** What each plot must say, from the API's answer: its marks' tooltips and its CSV rows. */
function expected(answer: Answer) {
  const { statistics, actorsByKind } = answer.territoryProfile;
  const kindLabel = new Map(actorsByKind.map((c) => [c.key, c.label]));
  const sdgs = [...statistics.bySdg].sort((x, y) => Number(x.key) - Number(y.key));
  const maturity = [
    ...answer.territoryMaturity.map((c) => ({ subject: "TERRITORY", ...c })),
    ...answer.actorMaturity.map((c) => ({ subject: "ACTOR", ...c })),
  ].sort((x, y) => (x.subject === y.subject ? 0 : x.subject === "TERRITORY" ? -1 : 1) || MATURITY_LEVELS.indexOf(x.key) - MATURITY_LEVELS.indexOf(y.key));
  return {
    "alliances-par-annee": {
      mark: "bar",
      titles: statistics.byStartYearAndKind.map((r) => `${r.year} · ${r.label} : ${r.count}`),
      csv: [["year", "kind", "label", "count"], ...statistics.byStartYearAndKind.map((r) => [r.year, r.kind, r.label, r.count])],
    },
    "mix-partenarial": {
      mark: "cell",
      titles: statistics.partnershipMix.map((p) => `${kindLabel.get(p.a)} × ${kindLabel.get(p.b)} : ${p.allianceCount}`),
      csv: [["a", "label_a", "b", "label_b", "allianceCount"], ...statistics.partnershipMix.map((p) => [p.a, kindLabel.get(p.a)!, p.b, kindLabel.get(p.b)!, p.allianceCount])],
    },
    "couverture-odd": {
      mark: "bar",
      titles: sdgs.map((s) => `ODD ${s.key} · ${s.label} : ${s.count}`),
      csv: [["sdg", "label", "count"], ...sdgs.map((s) => [Number(s.key), s.label, s.count])],
    },
    "acteurs-par-type": {
      mark: "bar",
      titles: actorsByKind.map((c) => `${c.label} : ${c.count}`),
      csv: [["kind", "label", "count"], ...actorsByKind.map((c) => [c.key, c.label, c.count])],
    },
    maturite: {
      mark: "bar",
      titles: maturity.map((m) => `${SUBJECTS[m.subject]} · ${m.label} : ${m.count}`),
      csv: [["subject", "level", "label", "count"], ...maturity.map((m) => [m.subject, m.key, m.label, m.count])],
    },
  };
}

/** RFC 4180, written here: quoted when a field holds a comma, a quote or a line break; CRLF after every line. */
const csv = (rows: (string | number)[][]) =>
  rows.map((row) => row.map((f) => (/[",\r\n]/.test(String(f)) ? `"${String(f).replace(/"/g, '""')}"` : String(f))).join(",")).join("\r\n") + "\r\n";

async function save(plot: string, format: "png" | "svg" | "csv"): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), page.click(`#${plot} button[data-format="${format}"]`)]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

describe("GET /explore/dashboard/", () => {
  it("has its operations registered, and the test server runs nothing else", async () => {
    const unregistered = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ sdgs { number } }" }),
    });
    expect(unregistered.status).toBe(403);
    expect((await api(TERRITORY, null)).territoryProfile.territory.id).toBe(TERRITORY);
  });

  it("serves the page, its bundle and its styles from the server itself, under the strict CSP", async () => {
    const redirect = await fetch(`${base}/explore/dashboard`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/explore/dashboard/");
    const response = await fetch(`${base}/explore/dashboard/`);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toContain("unsafe-inline");
    expect(await response.text()).toContain('<script src="dashboard.js">');
    for (const [file, type] of [["dashboard.js", "javascript"], ["styles.css", "text/css"]]) {
      const asset = await fetch(`${base}/explore/dashboard/${file}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toContain(type);
    }
  });
});

describe("the dashboard of Val-de-Marne in Chromium", () => {
  let answer: Answer;

  beforeAll(async () => {
    answer = await api(TERRITORY, null);
    await open(`territory=${encodeURIComponent(TERRITORY)}`);
  });

  it("names the territory and counts its alliances as the API does", async () => {
    expect(await page.getAttribute("body", "data-state")).toBe("ready");
    expect(answer.territoryProfile.allianceCount).toBeGreaterThan(50); // the demo and generated graphs act there
    expect(await page.textContent("#territory-name")).toBe(`Val-de-Marne (${TERRITORY})`);
    expect(await page.textContent("#status")).toContain(`${answer.territoryProfile.allianceCount.toLocaleString("fr-FR")} alliances`);
    expect(await page.inputValue("#territory")).toBe(TERRITORY);
  });

  it("draws each plot with the API's exact numbers, one mark per datum", async () => {
    const plots = expected(answer);
    expect(await page.$$eval("#plots > .card", (cards) => cards.map((card) => card.id))).toEqual(Object.keys(plots));
    for (const [id, plot] of Object.entries(plots)) {
      expect({ id, titles: await titles(id, plot.mark) }).toEqual({ id, titles: plot.titles });
    }
    // Known shapes: every SDG, every actor kind, every maturity level for territories and actors.
    expect(plots["couverture-odd"].titles).toHaveLength(17);
    expect(plots["acteurs-par-type"].titles).toHaveLength(8);
    expect(plots.maturite.titles).toHaveLength(8);
    expect(plots["alliances-par-annee"].titles.length).toBeGreaterThan(10);
    expect(plots["mix-partenarial"].titles.length).toBeGreaterThan(5);
    // Val-de-Marne itself was assessed DISCOVERING (the generated graph): one territory at that level.
    expect(plots.maturite.titles).toContain("Territoires · découverte : 1");
    // The stacked bars carry their legend: one swatch per alliance kind drawn.
    const kindsDrawn = new Set(answer.territoryProfile.statistics.byStartYearAndKind.map((r) => r.kind)).size;
    expect(await page.$$eval("#alliances-par-annee svg g.legend rect", (rects) => rects.length)).toBe(kindsDrawn);
  });

  it("takes the screenshots of docs/ at 1280×720, as the page first shows", async () => {
    mkdirSync(join(ROOT, "docs"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "docs", "dashboard.png") });
    await page.screenshot({ path: join(ROOT, "docs", "dashboard-full.png"), fullPage: true });
    expect([...readFileSync(join(ROOT, "docs", "dashboard.png")).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it("saves each plot's data as CSV: a header, one line per datum, RFC 4180 quoting", async () => {
    for (const [id, plot] of Object.entries(expected(answer))) {
      const { name, bytes } = await save(id, "csv");
      expect(name).toBe(`maillage-departement-94-${id}.csv`);
      expect(bytes.toString("utf8")).toBe(csv(plot.csv));
    }
    // Actor kinds' French words hold commas: quoted.
    expect((await save("acteurs-par-type", "csv")).bytes.toString("utf8")).toContain('LOCAL_AUTHORITY,"collectivité territoriale (commune, EPCI, département, région), association d\'élus",');
  });

  it("saves each plot as an SVG file that parses, with every mark, and as a PNG twice its size", async () => {
    for (const [id, plot] of Object.entries(expected(answer))) {
      const svg = await save(id, "svg");
      expect(svg.name).toBe(`maillage-departement-94-${id}.svg`);
      const parsed = await page.evaluate((text) => {
        // In the page: the browser's own XML parser (the test's tsconfig has no DOM types).
        const doc = new (globalThis as any).DOMParser().parseFromString(text, "image/svg+xml");
        const root = doc.documentElement;
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          root: root.localName,
          namespace: root.namespaceURI,
          width: Number(root.getAttribute("width")),
          height: Number(root.getAttribute("height")),
          titles: [...doc.querySelectorAll("g[aria-label]:not(.empty) title")].map((t: any) => t.textContent as string),
          heading: [doc.querySelector("text.heading")?.textContent, doc.querySelector("text.subheading")?.textContent],
        };
      }, svg.bytes.toString("utf8"));
      expect(parsed).toMatchObject({ error: null, root: "svg", namespace: "http://www.w3.org/2000/svg" });
      expect(parsed.titles).toEqual(plot.titles);
      const title = await page.textContent(`#${id} h3`);
      expect(parsed.heading).toEqual([title, "Val-de-Marne (DEPARTEMENT:94) · source : Maillage"]);

      const png = await save(id, "png");
      expect(png.name).toBe(`maillage-departement-94-${id}.png`);
      expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([parsed.width * 2, parsed.height * 2]);
      if (id === "alliances-par-annee") writeFileSync(join(ROOT, "docs", "dashboard-export.png"), png.bytes); // what a saved chart looks like
    }
  });

});

describe("the dashboard on a date and on a wrong code", () => {
  it("counts only what was active on `at`, as the API does, and names files after the date", async () => {
    const answer = await api(TERRITORY, AT);
    expect(answer.territoryProfile.allianceCount).toBeLessThan((await api(TERRITORY, null)).territoryProfile.allianceCount);
    await open(`territory=${encodeURIComponent(TERRITORY)}&at=${AT}`);
    expect(await page.inputValue("#at")).toBe(AT);
    expect(await page.textContent("#status")).toContain(`${answer.territoryProfile.allianceCount.toLocaleString("fr-FR")} alliances actives le 01/06/2019`);
    for (const [id, plot] of Object.entries(expected(answer))) {
      expect({ id, titles: await titles(id, plot.mark) }).toEqual({ id, titles: plot.titles });
    }
    expect((await save("couverture-odd", "csv")).name).toBe(`maillage-departement-94-${AT}-couverture-odd.csv`);
  });

  it("says so when no territory has the code, with the form expected", async () => {
    await open("territory=DEPARTEMENT:999");
    expect(await page.getAttribute("body", "data-state")).toBe("error");
    expect(await page.textContent("#status")).toContain("Aucun territoire ne porte le code « DEPARTEMENT:999 »");
    expect(await page.$$("#plots > .card")).toHaveLength(0);
  });

  it("draws a territory with no alliance as empty plots, every SDG and actor kind at zero", async () => {
    const answer = await api("REGION:94", null);
    expect(answer.territoryProfile.allianceCount).toBe(0);
    await open("territory=REGION:94");
    expect(await page.getAttribute("body", "data-state")).toBe("ready");
    expect(await page.textContent("#status")).toContain("0 alliance agissant");
    for (const [id, plot] of Object.entries(expected(answer))) {
      expect({ id, titles: await titles(id, plot.mark) }).toEqual({ id, titles: plot.titles });
    }
    expect(await titles("alliances-par-annee", "bar")).toEqual([]);
    expect(await titles("acteurs-par-type", "bar")).toHaveLength(8);
    expect((await save("alliances-par-annee", "csv")).bytes.toString("utf8")).toBe("year,kind,label,count\r\n");
  });

  it("changes territory from the form, and the address follows", async () => {
    await page.fill("#territory", "DEPARTEMENT:75");
    await page.fill("#at", "");
    await page.click('#scope button[type="submit"]');
    await page.waitForSelector('body[data-state="ready"]');
    expect(new URL(page.url()).search).toBe("?territory=DEPARTEMENT%3A75");
    expect(await page.textContent("#territory-name")).toBe("Paris (DEPARTEMENT:75)");
    const answer = await api("DEPARTEMENT:75", null);
    expect(await titles("acteurs-par-type", "bar")).toEqual(expected(answer)["acteurs-par-type"].titles);
  });

  it("ran offline, under the CSP, without a page error", async () => {
    expect(await page.evaluate("window.__cspViolations")).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(missing).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe("the dashboard where reads require a key", () => {
  const READER_KEY = "dashboard-reader-key-0123456789";

  it("asks for the key with the explorer's field, then draws the plots with it on every request", async () => {
    const keyed = await createServer(connection.executor, { auth: loadAuthConfig({ MAILLAGE_API_KEYS: `reader:${READER_KEY}`, MAILLAGE_READS_REQUIRE_KEY: "true" }) });
    const keyedBase = `http://127.0.0.1:${await keyed.listen(0)}`;
    const other = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: "fr-FR" });
    try {
      const sent: (string | null)[] = [];
      other.on("request", (request) => request.url().endsWith("/graphql") && sent.push(request.headers()["x-api-key"] ?? null));
      await other.goto(`${keyedBase}/explore/dashboard/?territory=${encodeURIComponent(TERRITORY)}`);
      await other.waitForSelector("#key-form:not([hidden])");
      expect(await other.textContent("#key-message")).toBe("Ce serveur demande une clé d'API pour lire les données.");
      expect(await other.$$("#plots > .card")).toHaveLength(0);

      await other.fill("#api-key", READER_KEY);
      await other.click('#key-form button[type="submit"]');
      await other.waitForSelector('body[data-state="ready"]');
      expect(await other.isHidden("#key-form")).toBe(true);
      expect(await other.textContent("#territory-name")).toBe(`Val-de-Marne (${TERRITORY})`);
      expect(await other.$$("#plots > .card")).toHaveLength(5);
      expect(await other.evaluate('sessionStorage.getItem("maillage.apiKey")')).toBe(READER_KEY);
      // The first request went without a key and was refused; the profile and maturity then carried it.
      expect(sent).toEqual([null, READER_KEY, READER_KEY]);
    } finally {
      await other.close();
      await keyed.stop();
      keyed.httpServer.close();
    }
  });
});

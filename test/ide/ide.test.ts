import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getIntrospectionQuery } from "graphql";
import { Browser, BrowserContext, Page } from "playwright-core";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { DEMO_GRAPH } from "../../src/seed/seed";
import { createServer, MaillageServer, ServerOptions } from "../../src/server";
import { defaultHttpConfig } from "../../src/http/http.config";
import { loadTrustedDocuments } from "../../src/graphql/trusted-documents";
import { startBrowser } from "../support/browser";
import { openTestDatabase } from "../support/database";

/**
 * The GraphQL IDE at /graphql, in Debian's Chromium, offline and under the server's CSP: the
 * README's examples preloaded and run, docs and autocomplete from introspection, shared links
 * opening (and running) their operation, and the trusted-documents mode.
 */
const ROOT = join(__dirname, "..", "..");
const SCREENSHOT = join(ROOT, "docs", "graphql-ide.png");
const EXAMPLES = readFileSync(join(ROOT, "schema", "examples.graphql"), "utf8");
const ACTOR = "query Actor($id: ID!) {\n  actor(id: $id) { name kind }\n}";

let connection: Connection;
const servers: MaillageServer[] = [];
let base: string;
let browser: Browser;

async function start(options: ServerOptions = {}): Promise<string> {
  const server = await createServer(connection.executor, options);
  servers.push(server);
  return `http://127.0.0.1:${await server.listen(0)}`;
}

beforeAll(async () => {
  connection = await openTestDatabase();
  await loadDocument(connection.executor, DEMO_GRAPH); // idempotent: MERGE on ids
  base = await start();
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) {
    await server.stop();
    server.httpServer.close();
  }
  await connection?.close();
});

/** A fresh browser profile (empty storage) watching for page errors, foreign requests and CSP violations. */
interface Session {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function open(url: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(url).origin;
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("request", (request) => !request.url().startsWith(origin) && !request.url().startsWith("data:") && problems.push(`foreign request: ${request.url()}`));
  page.on("response", (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  await page.addInitScript('document.addEventListener("securitypolicyviolation", (e) => console.error("CSP " + e.violatedDirective + " " + e.blockedURI));');
  await page.goto(url);
  await page.waitForSelector(".graphiql-query-editor .CodeMirror");
  return { context, page, problems };
}

/** The text of one of GraphiQL's CodeMirror editors. */
const editorText = (page: Page, selector: string): Promise<string> =>
  page.evaluate(`document.querySelector(${JSON.stringify(selector)}).CodeMirror.getValue()`) as Promise<string>;
const QUERY = ".graphiql-query-editor .CodeMirror";
const VARIABLES = ".graphiql-editor-tool .CodeMirror";
const RESPONSE = ".result-window .CodeMirror";

/** Waits until an editor's text passes `test` (polled from here: the page's CSP forbids the eval that waitForFunction needs). */
async function waitForText(page: Page, selector: string, test: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const text = await editorText(page, selector);
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${selector} still reads ${JSON.stringify(text.slice(0, 200))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens an example from the Examples panel in a new tab; answers once the tab has taken it (its title is the operation's). */
async function openExample(page: Page, name: string): Promise<void> {
  // The panel is open at first (its button then says "Hide Examples").
  if (await page.$('[aria-label="Show Examples"]')) await page.click('[aria-label="Show Examples"]');
  await page.click(`[data-example="${name}"]`);
  await waitForText(page, QUERY, (text) => text.startsWith(`query ${name} {`));
  await page.waitForSelector(`.graphiql-tab-active >> text=${name}`);
}

/** Runs the open tab (the play button) and answers the response it shows. */
async function run(page: Page): Promise<any> {
  const before = await editorText(page, RESPONSE);
  await page.click(".graphiql-execute-button");
  return JSON.parse(await waitForText(page, RESPONSE, (text) => text !== before && text.trim() !== ""));
}

describe("the IDE in Chromium", () => {
  it("loads offline under the CSP with the README's examples preloaded", async () => {
    const { context, page, problems } = await open(`${base}/graphql`);
    try {
      expect(await editorText(page, QUERY)).toBe(EXAMPLES);
      expect(await page.textContent(".graphiql-tab-active")).toContain("CoConstructors");
      // Introspection done: the schema is there (the docs button is enabled, no schema error).
      await page.click('[aria-label="Show Documentation Explorer"]');
      await page.waitForSelector(".graphiql-doc-explorer-content >> text=Query");
      expect(page.url()).toBe(`${base}/graphql`); // nothing edited: nothing to share yet
      // GraphiQL's dialogs add a <style> while open: allowed by the page's nonce, no violation.
      for (const dialog of ["Open settings dialog", "Open short keys dialog"]) {
        await page.click(`[aria-label="${dialog}"]`);
        await page.waitForSelector('[role="dialog"]');
        await page.keyboard.press("Escape");
        await page.waitForSelector('[role="dialog"]', { state: "detached" });
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("runs a README example from the Examples panel, shows its data and puts it in the address bar", async () => {
    const { context, page, problems } = await open(`${base}/graphql`);
    try {
      await openExample(page, "HowConnected");
      const result = await run(page);
      expect(result.errors).toBeUndefined();
      expect(result.data.path.length).toBe(2);
      expect(result.data.path.steps.map((s: any) => [s.from.name, s.to.name])).toEqual([
        ["UCLy (Université Catholique de Lyon)", "Le RAMEAU"],
        ["Le RAMEAU", "Conseil Economique Social et Environnemental (CESE)"],
      ]);
      const shared = new URL(page.url());
      expect(shared.pathname).toBe("/graphql");
      expect(shared.searchParams.get("query")).toBe(await editorText(page, QUERY));
      expect(shared.searchParams.get("query")).toMatch(/^query HowConnected \{/);
      expect(problems).toEqual([]);
      mkdirSync(join(ROOT, "docs"), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    } finally {
      await context.close();
    }
  });

  it("runs the first tab's operation under the cursor: CoConstructors of Le RAMEAU", async () => {
    const { context, page, problems } = await open(`${base}/graphql`);
    try {
      // Line 7 of schema/examples.graphql is inside CoConstructors; GraphiQL runs the operation under the cursor.
      await page.evaluate(`(() => { const editor = document.querySelector(${JSON.stringify(QUERY)}).CodeMirror; editor.focus(); editor.setCursor({ line: 6, ch: 4 }); })()`);
      await page.keyboard.press("Control+Enter");
      const result = JSON.parse(await waitForText(page, RESPONSE, (text) => text.includes('"data"')));
      expect(result.data.actor.name).toBe("Le RAMEAU");
      expect(result.data.actor.coConstructors.totalCount).toBe(16);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("completes field names from the introspected schema", async () => {
    const { context, page, problems } = await open(`${base}/graphql`);
    try {
      await page.click('[aria-label="New tab"]');
      await page.click(QUERY);
      await page.keyboard.press("Control+A");
      await page.keyboard.type("{ coCons", { delay: 30 });
      await page.waitForSelector(".CodeMirror-hints");
      expect(await page.textContent(".CodeMirror-hints")).toContain("coConstruction");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("opens a shared GET link with its query, variables and operation, and runs it", async () => {
    const params = new URLSearchParams({ query: ACTOR, variables: JSON.stringify({ id: "le-rameau" }), operationName: "Actor" });
    const link = `${base}/graphql?${params}`;
    // The same link from a GraphQL client (no text/html) is the API's answer, kept apart by caches.
    const api = await fetch(link);
    expect(api.headers.get("vary")).toContain("Accept");
    expect(await api.json()).toEqual({ data: { actor: { name: "Le RAMEAU", kind: "ASSOCIATION" } } });
    const { context, page, problems } = await open(link);
    try {
      expect(await editorText(page, QUERY)).toBe(ACTOR);
      expect(JSON.parse(await editorText(page, VARIABLES))).toEqual({ id: "le-rameau" });
      const result = await run(page);
      expect(result).toEqual({ data: { actor: { name: "Le RAMEAU", kind: "ASSOCIATION" } } });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("in trusted-documents mode, still has docs and runs the registered examples; an edited document is refused", async () => {
    const trusted = await start({ trustedDocuments: loadTrustedDocuments({ MAILLAGE_TRUSTED_DOCUMENTS: "true" }) });
    const { context, page, problems } = await open(`${trusted}/graphql`);
    try {
      await page.click('[aria-label="Show Documentation Explorer"]');
      await page.waitForSelector(".graphiql-doc-explorer-content >> text=Query");
      await openExample(page, "Goals");
      expect((await run(page)).data.sdg.titleFr).toBe("Partenariats pour la réalisation des objectifs");
      await page.evaluate(`document.querySelector(${JSON.stringify(QUERY)}).CodeMirror.setValue("{ sdgs { number } }")`);
      const refused = await run(page);
      expect(refused.errors[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "UNTRUSTED_DOCUMENT" });
      // The one refusal, as the browser reports it; nothing else went wrong.
      expect(problems).toEqual([expect.stringMatching(/^403 .*\/graphql$/), "console: Failed to load resource: the server responded with a status of 403 (Forbidden)"]);
    } finally {
      await context.close();
    }
  });
});

describe("the IDE setting (MAILLAGE_GRAPHQL_IDE)", () => {
  it("in trusted-documents mode, lets through documents that only introspect, and only while the IDE is on", async () => {
    const trustedDocuments = loadTrustedDocuments({ MAILLAGE_TRUSTED_DOCUMENTS: "true" });
    const post = async (url: string, query: string) =>
      (await (await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) })).json()) as any;
    const withIde = await start({ trustedDocuments });
    expect((await post(withIde, getIntrospectionQuery())).data.__schema.queryType.name).toBe("Query");
    expect((await post(withIde, '{ __type(name: "Actor") { name } }')).data).toEqual({ __type: { name: "Actor" } });
    // A data field beside the introspection is not registered: refused.
    expect((await post(withIde, "{ __typename sdgs { number } }")).errors[0].extensions.reason).toBe("UNTRUSTED_DOCUMENT");
    expect((await post(withIde, "query A { __typename } query B { sdgs { number } }")).errors[0].extensions.reason).toBe("UNTRUSTED_DOCUMENT");
    const withoutIde = await start({ trustedDocuments, http: { ...defaultHttpConfig(false), graphqlIde: false } });
    expect((await post(withoutIde, getIntrospectionQuery())).errors[0].extensions.reason).toBe("UNTRUSTED_DOCUMENT");
  });

  const introspect = async (url: string) => {
    const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }) }) });
    return (await response.json()) as any;
  };

  it("production: no IDE and no introspection by default; with the setting, both, within the default query limits", async () => {
    const closed = await start({ production: true });
    expect((await introspect(closed)).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const opened = await start({ production: true, http: { ...defaultHttpConfig(true), graphqlIde: true } });
    const answer = await introspect(opened);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.__schema.queryType.name).toBe("Query");
    const page = await fetch(`${opened}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="ide/ide.js">');
  });
});

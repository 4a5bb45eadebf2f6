// The explorer page: search → seeds → network (GraphQL) → graph (ForceAtlas2) → sigma, with
// filters, a side panel for the selected actor (and "expand" to add its neighbourhood), what
// share of the whole is drawn ("show more"), an API key when reads need one, PNG / GEXF downloads.
import type Graph from "graphology";
import type Sigma from "sigma";
import * as api from "./api";
import { capturePng, download, toGexf } from "./export";
import { ACTOR_KINDS, ALLIANCE_KINDS, buildGraph, ColorBy, draw, mergeNetworks, SizeBy } from "./graph";
import { DEFAULT_MAX_NODES, MAX_DEPTH, MAX_NODES } from "./limits";
import { keyForm } from "./key-form";
import { h, showActor, showError, showLoading } from "./panel";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  search: $<HTMLInputElement>("search"),
  results: $("search-results"),
  depth: $<HTMLSelectElement>("depth"),
  territory: $<HTMLInputElement>("territory"),
  at: $<HTMLInputElement>("at"),
  year: $<HTMLInputElement>("year"),
  yearValue: $<HTMLOutputElement>("year-value"),
  clearAt: $<HTMLButtonElement>("clear-at"),
  actorKinds: $("actor-kinds"),
  allianceKinds: $("alliance-kinds"),
  sdgs: $<HTMLSelectElement>("sdgs"),
  colorBy: $<HTMLSelectElement>("color-by"),
  sizeBy: $<HTMLSelectElement>("size-by"),
  legend: $("legend"),
  png: $<HTMLButtonElement>("download-png"),
  gexf: $<HTMLButtonElement>("download-gexf"),
  container: $("sigma"),
  status: $("status"),
  dashboard: $<HTMLAnchorElement>("dashboard-link"),
  notice: $("notice"),
  noticeText: $("notice-text"),
  showMore: $<HTMLButtonElement>("show-more"),
  panel: $("panel"),
};

/** What the network is about: an actor, or the members of a territory's alliances. */
let origin: api.Hit | null = null;
/** How the drawn network was asked for, and what it is a part of. */
interface View {
  filter: api.AllianceFilter;
  at?: string;
  depth: number;
  maxNodes: number;
  /** For a territory: where its seeds came from. */
  seeds: api.TerritorySeeds | null;
  /** For a territory whose alliances are drawn: the whole scope's size (null: the API could not tell). */
  whole: { actors: number; ties: number } | null;
}
let view: View | null = null;
let maxNodes = DEFAULT_MAX_NODES;
let network: api.Network | null = null;
let analytics: api.Analytics | null = null;
let graph: Graph | null = null;
let renderer: Sigma | null = null;
let selected: string | null = null;
/** Where each node was drawn, so a redraw or an expansion keeps the drawing in place. */
const positions = new Map<string, { x: number; y: number }>();
/** Nodes whose neighbourhood was added ("expand"). */
const expanded = new Set<string>();
// Answers to an older request are dropped when a newer one was made meanwhile.
let generation = 0;
/** The API key field: asks when the server refuses a request for want of a key, then asks everything again. */
const key = keyForm(document.querySelector("header")!, retry);

// ---- filters -------------------------------------------------------------------------------

function checkboxes(fieldset: HTMLElement, name: string, entries: [string, string][]): void {
  for (const [value, label] of entries) {
    fieldset.append(h("label", { class: "check" }, Object.assign(h("input", { type: "checkbox", name, value }), { checked: true }), label));
  }
}

function checked(fieldset: HTMLElement): string[] {
  return [...fieldset.querySelectorAll<HTMLInputElement>("input:checked")].map((input) => input.value);
}

function at(): string | undefined {
  return ui.at.value || undefined;
}

function allianceFilter(): api.AllianceFilter {
  const kinds = checked(ui.allianceKinds);
  return {
    // Every kind ticked means no criterion (alliances of kinds added later still count).
    kinds: kinds.length === Object.keys(ALLIANCE_KINDS).length ? [] : kinds,
    sdgs: [...ui.sdgs.selectedOptions].map((option) => Number(option.value)),
    territory: ui.territory.value.trim() || undefined,
  };
}

// ---- loading and drawing -------------------------------------------------------------------

function setStatus(text: string, state: "idle" | "loading" | "ready" | "error"): void {
  ui.status.textContent = text;
  ui.status.classList.toggle("error", state === "error");
  document.body.dataset.state = state;
}

/** Shows what went wrong; a missing or refused API key also opens the key field. */
function fail(error: unknown): void {
  if (error instanceof api.AuthRequiredError) key.ask(error.message);
  setStatus(`Erreur : ${(error as Error).message}`, "error");
}

const number = (n: number) => n.toLocaleString("fr-FR");
const plural = (n: number, one: string, many: string) => `${number(n)} ${n > 1 ? many : one}`;

async function load(): Promise<void> {
  if (!origin) return;
  const mine = ++generation;
  setStatus(`Chargement : ${origin.label}…`, "loading");
  try {
    let filter = allianceFilter();
    const depth = Number(ui.depth.value);
    let seeds = [origin.id];
    let territorySeeds: api.TerritorySeeds | null = null;
    let whole: View["whole"] = null;
    if (origin.kind === "TERRITORY") {
      territorySeeds = await api.territorySeeds(origin.id, filter, at());
      seeds = territorySeeds.seeds;
      // The territory's alliances are the scope: drawn links and the whole counted both stay in it.
      if (territorySeeds.from === "alliances") filter = { ...filter, territory: origin.id };
    }
    let drawn: api.Network = { nodes: [], edges: [], truncated: false, totalNodeCount: 0, totalEdgeCount: 0 };
    let metrics: api.Analytics | null = null;
    if (seeds.length > 0) {
      [drawn, whole] = await Promise.all([
        api.network({ seeds, depth, filter, at: at(), maxNodes }),
        territorySeeds?.from === "alliances" ? api.scopeSize(filter, at()) : null,
      ]);
      // Metrics over the alliances of the actors shown (or of the seeds, past 100 actors).
      const shown = drawn.nodes.map((node) => node.entityId);
      metrics = await api.analytics(shown.length <= 100 ? shown : seeds, filter, at());
    }
    const next: View = { filter, at: at(), depth, maxNodes, seeds: territorySeeds, whole };
    if (mine !== generation) return;
    view = next;
    network = drawn;
    analytics = metrics;
    positions.clear();
    expanded.clear();
    offerAnalytics(analytics !== null);
    redraw();
  } catch (error) {
    if (mine === generation) fail(error);
  }
}

/** Adds a node's neighbourhood (depth 1, same filters) to the drawing; drawn nodes stay where they are. */
async function expand(node: string): Promise<void> {
  if (!network || !view || !graph?.hasNode(node)) return;
  const mine = ++generation;
  const { entityId, label, x, y } = graph.getNodeAttributes(node);
  setStatus(`Chargement des partenaires de ${label}…`, "loading");
  try {
    const around = await api.network({ seeds: [entityId], depth: 1, filter: view.filter, at: view.at, maxNodes: DEFAULT_MAX_NODES });
    if (mine !== generation) return;
    network = mergeNetworks(network, around, { x, y });
    expanded.add(node);
    redraw();
    if (selected === node) void select(node);
  } catch (error) {
    if (mine === generation) fail(error);
  }
}

function redraw(): void {
  if (!network) return;
  graph?.forEachNode((node, a) => positions.set(node, { x: a.x, y: a.y }));
  renderer?.kill();
  const built = buildGraph(network, {
    colorBy: ui.colorBy.value as ColorBy,
    sizeBy: ui.sizeBy.value as SizeBy,
    actorKinds: new Set(checked(ui.actorKinds)),
    analytics,
    positions,
  });
  graph = built.graph;
  renderer = draw(graph, ui.container);
  renderer.on("clickNode", ({ node }) => void select(node));
  renderer.on("doubleClickNode", ({ node, preventSigmaDefault }) => {
    preventSigmaDefault(); // no zoom: a double-click expands
    void expand(node);
  });
  renderer.on("clickStage", () => void select(null));
  if (selected && !graph.hasNode(selected)) selected = null;
  if (selected) renderer.setNodeState(selected, { isHighlighted: true });
  ui.legend.replaceChildren(...built.legend.map(({ label, color }) => h("li", {}, swatch(color), label)));
  ui.container.dataset.nodeCount = String(graph.order);
  describe();
}

/**
 * The status line (what is drawn, with its numbers) and, when the drawing is part of a larger
 * network, a notice saying so with "show more". Names are never put after "de" or "à": no
 * article or elision to get wrong ("Le RAMEAU", "Le Havre", "Île-de-France").
 */
function describe(): void {
  if (!network || !view || !origin || !graph) return;
  const territory = origin.kind === "TERRITORY";
  ui.dashboard.hidden = !territory;
  if (territory) ui.dashboard.href = `dashboard/?territory=${encodeURIComponent(origin.id)}`;
  const when = view.at ? ` (au ${view.at})` : "";
  const actors = graph.order;
  const ties = graph.size;
  const subject = !territory
    ? `${origin.label} et ses partenaires (profondeur ${view.depth})`
    : view.seeds?.from === "based"
      ? `${origin.label} — aucune alliance n'agit dans ce territoire ; les acteurs qui y sont basés et leurs partenaires`
      : `${origin.label} — alliances actives dans ce territoire`;
  if (actors === 0) {
    setStatus(`${subject}${when} : aucun acteur avec ces filtres.`, "ready");
  } else if (view.whole) {
    setStatus(`${subject}${when} : ${number(actors)} acteurs sur ${number(view.whole.actors)} et ${number(ties)} liens de co-construction sur ${number(view.whole.ties)} affichés.`, "ready");
  } else {
    setStatus(`${subject}${when} : ${plural(actors, "acteur", "acteurs")}, ${plural(ties, "lien", "liens")} de co-construction.`, "ready");
  }
  const partial = partOf();
  ui.notice.hidden = partial === null;
  if (partial === null) return;
  const step = nextStep();
  ui.showMore.hidden = step === null;
  if (step) ui.showMore.textContent = step.maxNodes > view.maxNodes ? `Afficher plus (jusqu'à ${number(step.maxNodes)} acteurs)` : `Afficher plus (profondeur ${step.depth})`;
  ui.noticeText.textContent = step
    ? partial
    : `${partial} Limite atteinte : l'API renvoie au plus ${number(MAX_NODES)} acteurs, à ${MAX_DEPTH} pas au plus de ${plural(view.seeds?.seeds.length ?? 1, "acteur de départ", "acteurs de départ")}.`;
}

/** Why the drawing is a part of a larger network, in words with the numbers; null when it is whole. */
function partOf(): string | null {
  if (!network || !view) return null;
  const cut = network.truncated ? ` Tronqué à ${number(view.maxNodes)} acteurs, les plus proches d'abord.` : "";
  if (view.whole && (network.nodes.length < view.whole.actors || network.edges.length < view.whole.ties)) {
    return `Échantillon : ${number(graph!.order)} des ${number(view.whole.actors)} acteurs et ${number(graph!.size)} des ${number(view.whole.ties)} liens des alliances de ce territoire sont affichés, autour de ${plural(view.seeds!.seeds.length, "membre", "membres")}.${cut}`;
  }
  if (view.seeds?.from === "alliances" && !view.whole && (network.truncated || view.seeds.available > view.seeds.seeds.length)) {
    return `Échantillon : réseau autour de ${number(view.seeds.seeds.length)} membres des alliances de ce territoire, dont la taille totale n'a pas pu être comptée.${cut}`;
  }
  if (view.seeds?.from === "based" && view.seeds.available > view.seeds.seeds.length) {
    return `Échantillon : réseau autour de ${number(view.seeds.seeds.length)} des ${number(view.seeds.available)} acteurs basés dans ce territoire.${cut}`;
  }
  if (network.truncated && network.totalNodeCount !== null && network.totalEdgeCount !== null) {
    return `Tronqué : ${number(graph!.order)} des ${number(network.totalNodeCount)} acteurs et ${number(graph!.size)} des ${number(network.totalEdgeCount)} liens de ce réseau sont affichés, les plus proches d'abord.`;
  }
  if (network.truncated) return `Tronqué : ${number(graph!.order)} acteurs sont affichés, les plus proches d'abord ; le réseau en compte davantage.`;
  return null;
}

/** What "show more" asks next: a larger maxNodes when nodes were dropped, else one more hop; null at the API's limits. */
function nextStep(): { maxNodes: number; depth: number } | null {
  if (!network || !view) return null;
  if (network.truncated) return view.maxNodes < MAX_NODES ? { maxNodes: Math.min(MAX_NODES, 2 * view.maxNodes), depth: view.depth } : null;
  return view.depth < MAX_DEPTH ? { maxNodes: view.maxNodes, depth: view.depth + 1 } : null;
}

function showMore(): void {
  const step = nextStep();
  if (!step) return;
  maxNodes = step.maxNodes;
  ui.depth.value = String(step.depth);
  void load();
}

// Community colours and betweenness / PageRank sizes need the API's networkAnalytics.
function offerAnalytics(available: boolean): void {
  for (const option of [...ui.colorBy.options, ...ui.sizeBy.options]) {
    if (!["community", "betweenness", "pageRank"].includes(option.value)) continue;
    option.disabled = !available;
    option.title = available ? "" : "Non fourni par cette version de l'API";
  }
  if (!available && ui.colorBy.value === "community") ui.colorBy.value = "kind";
  if (!available && ["betweenness", "pageRank"].includes(ui.sizeBy.value)) ui.sizeBy.value = "degree";
}

/** Selects a node (graph key "actor:<id>") and shows its actor in the panel; null clears. */
async function select(node: string | null): Promise<void> {
  if (selected && renderer && graph?.hasNode(selected)) renderer.setNodeState(selected, { isHighlighted: false });
  selected = node;
  if (!node || !graph?.hasNode(node)) {
    ui.panel.hidden = true;
    return;
  }
  renderer?.setNodeState(node, { isHighlighted: true });
  const { entityId, label } = graph.getNodeAttributes(node);
  const actions = { expanded: expanded.has(node), expand: () => void expand(node) };
  showLoading(ui.panel, label);
  try {
    const actor = await api.actorDetails(entityId, at());
    if (selected !== node) return;
    if (actor) showActor(ui.panel, actor, actions);
    else showError(ui.panel, `${label} n'existe plus.`);
  } catch (error) {
    if (error instanceof api.AuthRequiredError) key.ask(error.message);
    showError(ui.panel, `Erreur : ${(error as Error).message}`);
  }
}

// ---- API key -------------------------------------------------------------------------------

/** Everything the page asked for, asked again (with the key now kept). */
function retry(): void {
  loadSdgs();
  if (ui.search.value.trim().length >= 2 && !origin) void runSearch(ui.search.value);
  if (origin) void load();
}

// ---- search --------------------------------------------------------------------------------

let searchTimer: number | undefined;

async function runSearch(text: string): Promise<void> {
  if (text.trim().length < 2) return ui.results.replaceChildren();
  try {
    const hits = await api.search(text.trim());
    if (ui.search.value !== text) return;
    ui.results.replaceChildren(
      ...hits.map((hit) => {
        const item = h("li", { role: "option", "data-kind": hit.kind, "data-id": hit.id }, hit.label, h("span", { class: "kind" }, hit.kind === "ACTOR" ? ACTOR_KINDS[hit.detail]?.label ?? hit.detail : hit.detail.toLowerCase()));
        item.addEventListener("click", () => pick(hit));
        return item;
      }),
    );
    if (hits.length === 0) ui.results.replaceChildren(h("li", { "aria-disabled": "true" }, "Aucun résultat"));
  } catch (error) {
    fail(error);
  }
}

function pick(hit: api.Hit): void {
  origin = hit;
  maxNodes = DEFAULT_MAX_NODES;
  selected = null;
  ui.panel.hidden = true;
  ui.search.value = hit.label;
  ui.results.replaceChildren();
  void load();
}

// ---- wiring --------------------------------------------------------------------------------

checkboxes(ui.actorKinds, "actorKind", Object.entries(ACTOR_KINDS).map(([kind, { label }]) => [kind, label]));
checkboxes(ui.allianceKinds, "allianceKind", Object.entries(ALLIANCE_KINDS));
function loadSdgs(): void {
  api.sdgs().then(
    (goals) => ui.sdgs.replaceChildren(...goals.map((g) => h("option", { value: String(g.number) }, `${g.number}. ${g.titleFr}`))),
    (error) => error instanceof api.AuthRequiredError && key.ask(error.message),
  );
}
loadSdgs();

ui.showMore.addEventListener("click", showMore);
// Sigma sizes its canvases on window resizes only; the stage also changes size when the panel opens or closes.
new ResizeObserver(() => renderer?.resize(true).refresh()).observe(ui.container);

ui.search.addEventListener("input", () => {
  window.clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => void runSearch(ui.search.value), 200);
});
$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  ui.results.querySelector<HTMLElement>("li[data-id]")?.click();
});

for (const input of [ui.depth, ui.territory, ui.at, ui.sdgs]) input.addEventListener("change", () => void load());
ui.allianceKinds.addEventListener("change", () => void load());
ui.actorKinds.addEventListener("change", redraw);
ui.colorBy.addEventListener("change", redraw);
ui.sizeBy.addEventListener("change", redraw);

ui.year.addEventListener("input", () => (ui.yearValue.textContent = `fin ${ui.year.value}`));
ui.year.addEventListener("change", () => {
  ui.at.value = `${ui.year.value}-12-31`;
  void load();
});
ui.at.addEventListener("change", () => (ui.yearValue.textContent = ui.at.value ? ui.at.value.slice(0, 4) : "toutes"));
ui.clearAt.addEventListener("click", () => {
  ui.at.value = "";
  ui.year.value = ui.year.max;
  ui.yearValue.textContent = "toutes";
  void load();
});

const filename = () => `maillage-${origin?.id.replace(/[^\w-]+/g, "-") ?? "reseau"}`;
ui.png.addEventListener("click", async () => {
  if (renderer) download(await capturePng(renderer), `${filename()}.png`);
});
ui.gexf.addEventListener("click", () => {
  if (graph) download(toGexf(graph, filename()), `${filename()}.gexf`);
});
setStatus(ui.status.textContent ?? "", "idle");

/** For the browser test and the console: read-only views and the actions a user could take. */
(window as any).__explorer = {
  get nodeCount() {
    return graph?.order ?? 0;
  },
  get edgeCount() {
    return graph?.size ?? 0;
  },
  get selectedNode() {
    return selected;
  },
  /** The width sigma draws over, in CSS pixels. */
  get canvasWidth() {
    return renderer?.getDimensions().width ?? 0;
  },
  /** Where a node is drawn, in pixels from the container's top-left corner. */
  viewportPosition(node: string) {
    if (!renderer || !graph?.hasNode(node)) return null;
    return renderer.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number });
  },
  select,
  expand,
  /** The numbers the status line and the notice state, as drawn. */
  get shown() {
    return { actors: graph?.order ?? 0, ties: graph?.size ?? 0, truncated: network?.truncated ?? false, maxNodes: view?.maxNodes ?? null, depth: view?.depth ?? null, whole: view?.whole ?? null };
  },
  /** Where a node is, in graph coordinates (kept when the drawing is expanded). */
  position(node: string) {
    return graph?.hasNode(node) ? { x: graph.getNodeAttribute(node, "x"), y: graph.getNodeAttribute(node, "y") } : null;
  },
  /** The PNG the download button would save: its size and first bytes (the PNG signature). */
  async exportPng() {
    if (!renderer) return null;
    const blob = await capturePng(renderer);
    return { type: blob.type, size: blob.size, head: [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())] };
  },
  gexf: () => (graph ? toGexf(graph, filename()).text() : null),
};

// Through the CSSOM, not a style attribute: the server's CSP (style-src 'self') refuses inline style attributes.
function swatch(color: string): HTMLElement {
  const span = h("span", { class: "swatch" });
  span.style.background = color;
  return span;
}

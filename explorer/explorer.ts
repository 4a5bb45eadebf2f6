// The explorer page: search → seeds → network (GraphQL) → graph (ForceAtlas2) → sigma, with
// filters, a side panel for the selected actor, and PNG / GEXF downloads.
import type Graph from "graphology";
import type Sigma from "sigma";
import * as api from "./api";
import { capturePng, download, toGexf } from "./export";
import { ACTOR_KINDS, ALLIANCE_KINDS, buildGraph, ColorBy, draw, SizeBy } from "./graph";
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
  panel: $("panel"),
};

/** What the network is about: an actor, or the members of a territory's alliances. */
let origin: api.Hit | null = null;
let network: api.Network | null = null;
let analytics: api.Analytics | null = null;
let graph: Graph | null = null;
let renderer: Sigma | null = null;
let selected: string | null = null;
// Answers to an older request are dropped when a newer one was made meanwhile.
let generation = 0;

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

async function load(): Promise<void> {
  if (!origin) return;
  const mine = ++generation;
  setStatus(`Chargement du réseau de ${origin.label}…`, "loading");
  try {
    const filter = allianceFilter();
    const seeds = origin.kind === "ACTOR" ? [origin.id] : await api.territorySeeds(origin.id, filter, at());
    if (seeds.length === 0) {
      network = { nodes: [], edges: [], truncated: false };
      analytics = null;
    } else {
      network = await api.network({ seeds, depth: Number(ui.depth.value), filter, at: at() });
      // Metrics over the alliances of the actors shown (or of the seeds, past 100 actors).
      const shown = network.nodes.map((node) => node.entityId);
      analytics = await api.analytics(shown.length <= 100 ? shown : seeds, filter, at());
    }
    if (mine !== generation) return;
    offerAnalytics(analytics !== null);
    redraw();
  } catch (error) {
    if (mine === generation) setStatus(`Erreur : ${(error as Error).message}`, "error");
  }
}

function redraw(): void {
  if (!network) return;
  renderer?.kill();
  const built = buildGraph(network, {
    colorBy: ui.colorBy.value as ColorBy,
    sizeBy: ui.sizeBy.value as SizeBy,
    actorKinds: new Set(checked(ui.actorKinds)),
    analytics,
  });
  graph = built.graph;
  renderer = draw(graph, ui.container);
  renderer.on("clickNode", ({ node }) => void select(node));
  renderer.on("clickStage", () => void select(null));
  if (selected && !graph.hasNode(selected)) selected = null;
  if (selected) renderer.setNodeState(selected, { isHighlighted: true });
  ui.legend.replaceChildren(...built.legend.map(({ label, color }) => h("li", {}, swatch(color), label)));
  ui.container.dataset.nodeCount = String(graph.order);
  const where = origin?.kind === "TERRITORY" ? `les alliances de ${origin.label}` : origin?.label ?? "";
  const when = at() ? ` au ${at()}` : "";
  const more = network.truncated ? " (tronqué : les plus proches d'abord)" : "";
  setStatus(
    graph.order ? `${graph.order} acteurs, ${graph.size} liens de co-construction autour de ${where}${when}${more}` : `Aucun acteur autour de ${where}${when} avec ces filtres.`,
    "ready",
  );
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
  showLoading(ui.panel, label);
  try {
    const actor = await api.actorDetails(entityId, at());
    if (selected !== node) return;
    if (actor) showActor(ui.panel, actor);
    else showError(ui.panel, `${label} n'existe plus.`);
  } catch (error) {
    showError(ui.panel, `Erreur : ${(error as Error).message}`);
  }
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
    setStatus(`Erreur : ${(error as Error).message}`, "error");
  }
}

function pick(hit: api.Hit): void {
  origin = hit;
  selected = null;
  ui.panel.hidden = true;
  ui.search.value = hit.label;
  ui.results.replaceChildren();
  void load();
}

// ---- wiring --------------------------------------------------------------------------------

checkboxes(ui.actorKinds, "actorKind", Object.entries(ACTOR_KINDS).map(([kind, { label }]) => [kind, label]));
checkboxes(ui.allianceKinds, "allianceKind", Object.entries(ALLIANCE_KINDS));
api.sdgs().then(
  (goals) => ui.sdgs.replaceChildren(...goals.map((g) => h("option", { value: String(g.number) }, `${g.number}. ${g.titleFr}`))),
  () => undefined,
);

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
  if (graph) download(toGexf(graph), `${filename()}.gexf`);
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
  /** Where a node is drawn, in pixels from the container's top-left corner. */
  viewportPosition(node: string) {
    if (!renderer || !graph?.hasNode(node)) return null;
    return renderer.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number });
  },
  select,
  /** The PNG the download button would save: its size and first bytes (the PNG signature). */
  async exportPng() {
    if (!renderer) return null;
    const blob = await capturePng(renderer);
    return { type: blob.type, size: blob.size, head: [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())] };
  },
  gexf: () => (graph ? toGexf(graph).text() : null),
};

// Through the CSSOM, not a style attribute: the server's CSP (style-src 'self') refuses inline style attributes.
function swatch(color: string): HTMLElement {
  const span = h("span", { class: "swatch" });
  span.style.background = color;
  return span;
}

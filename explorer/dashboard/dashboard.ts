// The territory dashboard at /explore/dashboard/?territory=<id or code>[&at=YYYY-MM-DD]: five plots
// of a territory's alliances, each saved as PNG, SVG or CSV. Data: the public GraphQL API only.
import { AuthRequiredError } from "../api";
import { download } from "../export";
import { keyForm } from "../key-form";
import { dashboardData } from "./data";
import { PlotSpec, plotsOf } from "./plots";
import { toCsv, toPng, toSvg } from "./save";

const form = document.querySelector<HTMLFormElement>("#scope")!;
const territoryInput = document.querySelector<HTMLInputElement>("#territory")!;
const atInput = document.querySelector<HTMLInputElement>("#at")!;
const heading = document.querySelector<HTMLElement>("#territory-name")!;
const status = document.querySelector<HTMLElement>("#status")!;
const plots = document.querySelector<HTMLElement>("#plots")!;
const cardTemplate = document.querySelector<HTMLTemplateElement>("#plot-card")!;

// Reads may require a key: the same field as the explorer's, the same key kept for the tab.
const key = keyForm(document.querySelector("header")!, () => show(scopeFromAddress().territory, scopeFromAddress().at));

type State = "idle" | "loading" | "ready" | "error";

function setState(state: State, message: string): void {
  document.body.dataset.state = state;
  status.textContent = message;
}

/** The scope in the address: ?territory=…&at=… (a shareable link to the same plots). */
function scopeFromAddress(): { territory: string; at: string | null } {
  const params = new URLSearchParams(location.search);
  return { territory: params.get("territory")?.trim() ?? "", at: params.get("at") || null };
}

async function show(territory: string, at: string | null): Promise<void> {
  territoryInput.value = territory;
  atInput.value = at ?? "";
  plots.replaceChildren();
  if (!territory) return setState("idle", "Indiquez un territoire (par exemple DEPARTEMENT:94) pour afficher ses graphiques.");
  setState("loading", "Chargement…");
  try {
    const data = await dashboardData(territory, at);
    if (!data) {
      heading.textContent = "Territoire inconnu";
      return setState("error", `Aucun territoire ne porte le code « ${territory} » (forme attendue : DEPARTEMENT:94, REGION:11, COMMUNE:94028…).`);
    }
    const { territory: place, allianceCount } = data.profile;
    heading.textContent = `${place.name} (${place.id})`;
    document.title = `Maillage — ${place.name}`;
    const day = at ? new Date(`${at}T00:00:00`).toLocaleDateString("fr-FR") : null;
    const when = day ? ` actives le ${day}` : "";
    const base = fileBase(place.id, at);
    const subtitle = `${place.name} (${place.id})${day ? `, au ${day}` : ""} · source : Maillage`;
    for (const spec of plotsOf(data)) addCard(spec, base, subtitle);
    setState("ready", `${allianceCount.toLocaleString("fr-FR")} alliance${allianceCount > 1 ? "s" : ""}${when} agissant dans ce territoire ou dans un territoire qu'il contient.`);
  } catch (error) {
    if (error instanceof AuthRequiredError) key.ask(error.message);
    heading.textContent = "Erreur";
    setState("error", `L'API a refusé la demande : ${(error as Error).message}`);
  }
}

/** Adds a plot's card: title, description, drawing, and its three saves. */
function addCard(spec: PlotSpec, base: string, subtitle: string): void {
  const element = cardTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
  element.id = spec.id;
  element.querySelector("h3")!.textContent = spec.title;
  element.querySelector(".description")!.textContent = spec.description;
  const chart = element.querySelector<HTMLElement>(".chart")!;
  // Drawn once in the page, at the card's width: the grid decides it.
  plots.append(element);
  const svg = spec.render(Math.max(320, Math.floor(chart.clientWidth)));
  chart.append(svg);
  const name = `${base}-${spec.id}`;
  const heading = { title: spec.title, subtitle };
  const saves: Record<string, () => Promise<void>> = {
    png: async () => download(await toPng(svg, heading), `${name}.png`),
    svg: async () => download(toSvg(svg, heading), `${name}.svg`),
    csv: async () => download(toCsv(spec.columns, spec.rows), `${name}.csv`),
  };
  for (const button of element.querySelectorAll<HTMLButtonElement>(".saves button")) {
    button.addEventListener("click", () => saves[button.dataset.format!]().catch((error) => setState("error", `Enregistrement impossible : ${error.message}`)));
  }
}

/** File names after the territory and date: maillage-departement-94[-2020-01-01]-<plot>.<ext>. */
function fileBase(territoryId: string, at: string | null): string {
  const slug = territoryId.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return ["maillage", slug, at].filter(Boolean).join("-");
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams({ territory: territoryInput.value.trim() });
  if (atInput.value) params.set("at", atInput.value);
  history.pushState(null, "", `?${params}`);
  void show(territoryInput.value.trim(), atInput.value || null);
});
window.addEventListener("popstate", () => void show(scopeFromAddress().territory, scopeFromAddress().at));

const initial = scopeFromAddress();
void show(initial.territory, initial.at);

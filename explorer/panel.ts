// The side panel: who the selected actor is, its alliances (with its role), its outcomes, and
// where each fact comes from. Built with DOM nodes, never HTML strings, since names are data.
import type { ActorDetails, SourceRef } from "./api";
import { ACTOR_KINDS, ALLIANCE_KINDS } from "./graph";

const ROLES: Record<string, string> = {
  ACADEMIC_PARTNER: "partenaire académique",
  CATALYST: "catalyseur",
  EVALUATOR: "évaluateur",
  FUNDER: "financeur",
  LEADER: "pilote",
  PARTNER: "partenaire",
};

type Child = Node | string | null | undefined | false;

/** `h("li", { class: "x" }, "text", child)`: a small element builder. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export function showLoading(panel: HTMLElement, label: string): void {
  panel.hidden = false;
  panel.replaceChildren(h("h2", {}, label), h("p", { class: "meta" }, "Chargement…"));
}

/** What the panel offers to do with the shown actor's node. */
export interface NodeActions {
  /** Adds the node's partners to the drawing. */
  expand: () => void;
  /** Whether that was done already. */
  expanded: boolean;
}

export function showActor(panel: HTMLElement, actor: ActorDetails, actions?: NodeActions): void {
  panel.hidden = false;
  panel.dataset.actorId = actor.id;
  let expandButton: HTMLElement | null = null;
  if (actions) {
    expandButton = h("button", { type: "button", id: "expand", title: "Ajoute au dessin les partenaires de cet acteur (double-clic sur un nœud : idem)" }, actions.expanded ? "Partenaires ajoutés" : "Étendre : ajouter ses partenaires");
    (expandButton as HTMLButtonElement).disabled = actions.expanded;
    expandButton.addEventListener("click", actions.expand);
  }
  const children: Child[] = [
    h("h2", {}, actor.name),
    h("p", { class: "meta" }, [ACTOR_KINDS[actor.kind]?.label ?? actor.kind, actor.basedIn?.name].filter(Boolean).join(" · ")),
    expandButton,
    actor.description && h("p", {}, actor.description),
    actor.sources.length > 0 && sources(actor.sources),
    h("h3", {}, `Alliances (${actor.alliances.length})`),
    list(
      actor.alliances.map(({ role, alliance, sources: membershipSources }) =>
        h(
          "li",
          {},
          h("strong", {}, alliance.name),
          " ",
          h("span", { class: "role" }, `${ROLES[role] ?? role} · ${ALLIANCE_KINDS[alliance.kind] ?? alliance.kind}`),
          sources(unique([...alliance.sources, ...membershipSources])),
        ),
      ),
      "Aucune alliance à cette date.",
    ),
    h("h3", {}, `Réalisations (${actor.outcomes.length})`),
    list(
      actor.outcomes.map((outcome) =>
        h("li", {}, outcome.title, " ", h("span", { class: "role" }, `— ${outcome.alliance.name}`), sources(outcome.sources)),
      ),
      "Aucune réalisation enregistrée.",
    ),
  ];
  panel.replaceChildren(...children.filter((child): child is Node | string => Boolean(child)));
}

export function showError(panel: HTMLElement, message: string): void {
  panel.hidden = false;
  panel.replaceChildren(h("p", { class: "meta" }, message));
}

function list(items: HTMLElement[], empty: string): HTMLElement {
  return items.length ? h("ul", {}, ...items) : h("p", { class: "meta" }, empty);
}

// "Source : title — publisher, date", the title a link when the source has a URL.
function sources(refs: SourceRef[]): HTMLElement {
  return h(
    "div",
    { class: "sources" },
    "Source : ",
    ...refs.flatMap((ref, i) => [
      i > 0 ? " ; " : null,
      ref.url ? h("a", { href: ref.url, target: "_blank", rel: "noopener" }, ref.title) : h("cite", {}, ref.title),
      [ref.publisher, ref.date].filter(Boolean).length ? ` — ${[ref.publisher, ref.date].filter(Boolean).join(", ")}` : null,
    ]),
  );
}

function unique(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(ref.title + ref.date) && seen.add(ref.title + ref.date));
}

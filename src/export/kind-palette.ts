/**
 * The colour of each actor and alliance kind: what the explorer's legend shows and what the GEXF
 * export writes as viz:color, so a graph opened in Gephi looks like the drawing. Keyed by the
 * enum values (src/common/enums.ts ActorKind, AllianceKind; a test checks every kind has one):
 * that file registers GraphQL types, and this one must stay importable by the browser bundle.
 */
export const KIND_COLOURS: Readonly<Record<string, string>> = {
  // Actors: Tableau 10, as the explorer has always drawn them.
  ACADEMIC: "#4e79a7",
  ASSOCIATION: "#f28e2b",
  COMPANY: "#e15759",
  FOUNDATION: "#76b7b2",
  INTERMEDIARY: "#59a14f",
  LOCAL_AUTHORITY: "#edc948",
  MEDIA: "#b07aa1",
  PUBLIC_INSTITUTION: "#9c755f",
  // Alliances (bipartite exports only): darker tones, so they stand apart from every actor.
  ECONOMIC_COOPERATION: "#2f4b7c",
  PHILANTHROPY: "#665191",
  RESEARCH_PARTNERSHIP: "#a05195",
  RESPONSIBLE_PRACTICES: "#d45087",
  SOCIETAL_INNOVATION: "#f95d6a",
  TERRITORIAL_CO_CONSTRUCTION: "#003f5c",
};

/** A kind the palette does not know (data written by a newer version): neutral grey. */
export const UNKNOWN_KIND_COLOUR = "#888888";

export const kindColour = (kind: unknown): string => KIND_COLOURS[String(kind)] ?? UNKNOWN_KIND_COLOUR;

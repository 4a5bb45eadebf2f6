import { GraphDocument } from "../../src/seed/document";

/** An actor of a test graph: its short name, kind and (optionally) where it is based. */
export interface TestActor {
  name: string;
  kind?: string;
  basedIn?: string;
}

/** An alliance of a test graph: its members' short names, and optionally SDGs and dates. */
export interface TestAlliance {
  members: string[];
  sdgs?: number[];
  startDate?: string;
  endDate?: string;
  kind?: string;
}

/**
 * A small graph document whose ids all start with `prefix`: `actors` by short name, and an
 * alliance per entry of `alliances` (a tie per pair of its members).
 *
 * Usage: `testGraph("ana-path-", ["a", "b"], [{ members: ["a", "b"] }])`
 */
export function testGraph(prefix: string, actors: (string | TestActor)[], alliances: TestAlliance[]): GraphDocument {
  const id = (name: string) => `${prefix}${name}`;
  const sourceIds = [id("src")];
  return {
    sources: [{ id: id("src"), title: "Test", publisher: "Tests", date: "2021-01-01", kind: "STUDY" }],
    actors: actors.map((a) => (typeof a === "string" ? { name: a } : a)).map((a) => ({
      id: id(a.name),
      name: a.name.toUpperCase(),
      kind: a.kind ?? "ASSOCIATION",
      ...(a.basedIn ? { basedIn: a.basedIn } : {}),
    })),
    alliances: alliances.map((al, i) => ({
      id: id(`al${i}`),
      name: `Alliance ${prefix}${i}`,
      kind: al.kind ?? "TERRITORIAL_CO_CONSTRUCTION",
      objectives: ["LOCAL_CO_CONSTRUCTION"],
      sdgs: al.sdgs ?? [],
      ...(al.startDate ? { startDate: al.startDate } : {}),
      ...(al.endDate ? { endDate: al.endDate } : {}),
      sourceIds,
    })),
    memberships: alliances.flatMap((al, i) =>
      al.members.map((m) => ({ actorId: id(m), allianceId: id(`al${i}`), role: "PARTNER", sourceIds })),
    ),
    outcomes: [],
  };
}

/** The ids of a test graph's actors, for `filter: { memberIds }`. */
export const memberIds = (doc: GraphDocument) => doc.actors.map((a: any) => a.id as string);

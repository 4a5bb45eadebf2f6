import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { exportDocument } from "../../src/export/export.document";
import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { Label } from "../../src/neo4j/graph-model";
import { MaturityRepository } from "../../src/maturity/maturity.repository";
import { MaturityAssessmentInput } from "../../src/maturity/maturity.input";
import { deleteByPrefix, openTestDatabase } from "../support/database";
import { exportKnownGraph } from "./known-export-graph";

// knownGraph: Xylo (DEPARTEMENT:94) Alpha, Beta, Gamma; Yak (Créteil, ended 2021-12-31) Alpha, Beta;
// Zeta (REGION:84) Gamma, Delta; Wolf (nowhere) Epsilon. Outcome ox2 benefits Gamma.
const P = "expdoc-";
const id = (name: string) => `${P}${name}`;
const mine = { ...WHOLE_GRAPH, idPrefix: P };
let connection: Connection;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, exportKnownGraph(P, 0));
});

// deleteByPrefix leaves assessments; ours start with the prefix too.
const deleteAssessments = () =>
  connection.executor.write((tx) => tx.run(`MATCH (m:${Label.MaturityAssessment}) WHERE m.id STARTS WITH $prefix DETACH DELETE m`, { prefix: P }));

afterAll(async () => {
  await deleteAssessments();
  await deleteByPrefix(connection, P);
  await connection.close();
});

describe("exportDocument", () => {
  it("gives back a document that re-imports into the same document", async () => {
    const first = await exportDocument(connection.executor, mine);
    await deleteByPrefix(connection, P);
    await loadDocument(connection.executor, first);
    const second = await exportDocument(connection.executor, mine);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("writes the input format's fields only, sorted by id, optional fields omitted", async () => {
    const doc = await exportDocument(connection.executor, mine);
    expect(Object.keys(doc)).toEqual(["sources", "actors", "alliances", "memberships", "outcomes", "maturityAssessments"]);
    expect(doc.actors.map((a: any) => a.id)).toEqual(["alpha", "beta", "delta", "epsilon", "gamma"].map(id));
    expect(doc.actors[0]).toEqual({ id: id("alpha"), name: "Alpha Association", kind: "ASSOCIATION", rna: "W947770000", basedIn: "COMMUNE:94028", sourceIds: [id("src")] });
    expect(doc.actors[3]).toEqual({ id: id("epsilon"), name: "Epsilon Laboratoire", kind: "ACADEMIC" });
    expect(doc.alliances.find((a: any) => a.id === id("yak"))).toEqual({
      id: id("yak"), name: "Yak alliance", kind: "PHILANTHROPY", objectives: ["PERFORMANCE_AND_ENGAGEMENT", "SOCIETAL_INNOVATION"],
      status: "ENDED", startDate: "2019-05-01", endDate: "2021-12-31", territories: ["COMMUNE:94028"], sdgs: [4], sourceIds: [id("src")],
    });
    expect(doc.alliances.find((a: any) => a.id === id("wolf"))).toMatchObject({ territories: [], sdgs: [] });
    expect(doc.memberships.map((m: any) => `${m.allianceId} ${m.actorId}`)).toEqual(
      [["wolf", "epsilon"], ["xylo", "alpha"], ["xylo", "beta"], ["xylo", "gamma"], ["yak", "alpha"], ["yak", "beta"], ["zeta", "delta"], ["zeta", "gamma"]]
        .map(([al, a]) => `${id(al)} ${id(a)}`),
    );
    expect(doc.memberships[0]).toEqual({ actorId: id("epsilon"), allianceId: id("wolf"), role: "LEADER", startDate: "2020-01-01", sourceIds: [id("src")] });
    expect(doc.outcomes[0]).toEqual({
      id: id("ox1"), allianceId: id("xylo"), kind: "RESULT", title: "Xylo: 40 emplois locaux",
      indicator: { value: 40, unit: "emplois", measuredOn: "2021-12-31" },
      sdgs: [8], beneficiaryTerritories: ["DEPARTEMENT:94"], beneficiaryActorIds: [], sourceIds: [id("src")],
    });
    expect(doc.sources).toEqual([{ id: id("src"), title: "Étude de test", publisher: "Observatoire des partenariats", date: "2021-06-01", url: "https://example.org/etude", kind: "STUDY" }]);
    expect(doc.maturityAssessments).toEqual([]);
  });

  it("keeps a territory scope self-contained: the actors outcomes benefit and the cited sources come along", async () => {
    const doc = await exportDocument(connection.executor, { ...mine, territoryId: "COMMUNE:94028" });
    expect(doc.alliances.map((a: any) => a.id)).toEqual([id("yak")]);
    expect(doc.actors.map((a: any) => a.id)).toEqual([id("alpha"), id("beta")]);
    expect(doc.outcomes.map((o: any) => o.id)).toEqual([id("oy1")]);
    expect(doc.sources.map((s: any) => s.id)).toEqual([id("src")]);

    const xylo = await exportDocument(connection.executor, { ...mine, territoryId: "DEPARTEMENT:94", at: "2022-06-01" });
    expect(xylo.alliances.map((a: any) => a.id)).toEqual([id("xylo")]);
    expect(xylo.actors.map((a: any) => a.id)).toEqual([id("alpha"), id("beta"), id("gamma")]);
  });

  it("selects by actor kind: those actors, their memberships and alliances", async () => {
    const doc = await exportDocument(connection.executor, { ...mine, actorKinds: ["FOUNDATION" as any] });
    expect(doc.actors.map((a: any) => a.id)).toEqual([id("delta")]);
    expect(doc.alliances.map((a: any) => a.id)).toEqual([id("zeta")]);
    expect(doc.memberships).toHaveLength(1);
  });

  it("includes the maturity assessments of exported actors and of the scope's territories", async () => {
    const maturity = new MaturityRepository(connection.executor);
    const assess = (row: object) => maturity.upsert(Object.assign(new MaturityAssessmentInput(), row));
    await assess({ id: id("m-alpha"), subjectType: "ACTOR", subjectId: id("alpha"), level: "STRUCTURING", assessedOn: "2022-01-15", sourceIds: [id("src")] });
    await assess({ id: id("m-94"), subjectType: "TERRITORY", subjectId: "DEPARTEMENT:94", level: "EXPERIMENTING", assessedOn: "2021-06-01", note: "Baromètre", sourceIds: [id("src")] });
    await assess({ id: id("m-69"), subjectType: "TERRITORY", subjectId: "DEPARTEMENT:69", level: "DISCOVERING", assessedOn: "2021-06-01", sourceIds: [id("src")] });
    try {
      const all = await exportDocument(connection.executor, mine);
      expect(all.maturityAssessments).toEqual([
        { id: id("m-69"), subjectType: "TERRITORY", subjectId: "DEPARTEMENT:69", level: "DISCOVERING", assessedOn: "2021-06-01", sourceIds: [id("src")] },
        { id: id("m-94"), subjectType: "TERRITORY", subjectId: "DEPARTEMENT:94", level: "EXPERIMENTING", assessedOn: "2021-06-01", note: "Baromètre", sourceIds: [id("src")] },
        { id: id("m-alpha"), subjectType: "ACTOR", subjectId: id("alpha"), level: "STRUCTURING", assessedOn: "2022-01-15", sourceIds: [id("src")] },
      ]);
      const in94 = await exportDocument(connection.executor, { ...mine, territoryId: "DEPARTEMENT:94" });
      expect(in94.maturityAssessments.map((m: any) => m.id)).toEqual([id("m-94"), id("m-alpha")]);
      const delta = await exportDocument(connection.executor, { ...mine, actorKinds: ["FOUNDATION" as any] });
      expect(delta.maturityAssessments).toEqual([]);
    } finally {
      await deleteAssessments();
    }
  });
});

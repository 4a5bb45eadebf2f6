import { ActorKind } from "../../src/common/enums";
import { isSiren } from "../../src/common/validators";
import { generateDocument } from "../../src/generate/generate";
import { validateRows } from "../../src/import/import.validate";
import { readJsonRows } from "../../src/import/read-json";
import { validateDocument } from "../../src/seed/document";

describe("generateDocument", () => {
  const doc = generateDocument({ actors: 200, seed: "7" });

  it("gives byte-identical output for the same seed, and another graph for another seed", () => {
    expect(JSON.stringify(generateDocument({ actors: 200, seed: "7" }))).toBe(JSON.stringify(doc));
    expect(JSON.stringify(generateDocument({ actors: 200, seed: "8" }))).not.toBe(JSON.stringify(doc));
  });

  it("passes the GraphQL input rules and the import's own checks", async () => {
    expect(await validateDocument(doc)).toEqual([]);
    const { rejected } = await validateRows(readJsonRows("gen.json", JSON.stringify(doc)));
    expect(rejected).toEqual([]);
  });

  it("has a realistic shape: kinds in proportion, valid SIRENs, 2–8 members with one leader, a long tail of degrees", () => {
    const big = generateDocument({ actors: 3000, seed: "shape" });
    const share = (kind: ActorKind) => big.actors.filter((a: any) => a.kind === kind).length / big.actors.length;
    expect(share(ActorKind.ASSOCIATION)).toBeCloseTo(0.35, 1);
    expect(share(ActorKind.COMPANY)).toBeCloseTo(0.3, 1);
    const companies = big.actors.filter((a: any) => a.kind === ActorKind.COMPANY) as any[];
    expect(companies.every((a) => isSiren(a.siren))).toBe(true);
    expect(new Set(companies.map((a) => a.siren)).size).toBe(companies.length);

    const members = new Map<string, any[]>();
    for (const m of big.memberships as any[]) members.set(m.allianceId, [...(members.get(m.allianceId) ?? []), m]);
    for (const list of members.values()) {
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list.length).toBeLessThanOrEqual(8);
      expect(list.filter((m) => m.role === "LEADER")).toHaveLength(1);
    }
    const degree = new Map<string, number>();
    for (const m of big.memberships as any[]) degree.set(m.actorId, (degree.get(m.actorId) ?? 0) + 1);
    const degrees = [...degree.values()].sort((a, b) => a - b);
    expect(degrees[degrees.length - 1]).toBeGreaterThanOrEqual(5 * degrees[Math.floor(degrees.length / 2)]);

    const withOutcomes = new Set((big.outcomes as any[]).map((o) => o.allianceId)).size / big.alliances.length;
    expect(withOutcomes).toBeGreaterThan(0.4);
    expect(withOutcomes).toBeLessThan(0.6);
    expect(new Set((big.alliances as any[]).map((a) => a.startDate.slice(0, 4))).size).toBeGreaterThanOrEqual(10);
    expect((big.actors as any[]).every((a) => a.sourceIds[0] === "gen-source")).toBe(true);
  });
});

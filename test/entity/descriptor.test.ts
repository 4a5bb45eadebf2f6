import "reflect-metadata";
import { getMetadataStorage } from "class-validator";
import { buildSchemaSync, Resolver, Query } from "type-graphql";
import { GraphQLInputObjectType, GraphQLObjectType, isNonNullType } from "graphql";
import { ActorInput, ActorPatch } from "../../src/actor/actor.input";
import { AlliancePatch } from "../../src/alliance/alliance.input";
import { MembershipPatch } from "../../src/membership/membership.input";
import { ENTITIES, SPECS } from "../../src/import/entities";
import { importJsonSchema } from "../../src/import/import-schema";
import { UPSERT_BY_ENTITY } from "../../src/import/import.cypher";
import { cypherRow } from "../../src/import/import.params";
import { fieldsOf } from "../../src/entity/field";
import { Actor } from "../../src/actor/actor.type";
import { Alliance } from "../../src/alliance/alliance.type";

@Resolver()
class NoResolver {
  @Query(() => Boolean)
  ok() {
    return true;
  }
}

// Every view of an entity's fields comes from its @field declarations: they cannot drift apart.
describe("entity descriptors", () => {
  const schema = buildSchemaSync({ resolvers: [NoResolver], orphanedTypes: [...ENTITIES.map((e) => SPECS[e].input), ActorPatch, AlliancePatch, MembershipPatch, Actor, Alliance], validate: false });
  const inputFields = (name: string) => (schema.getType(name) as GraphQLInputObjectType).getFields();
  const defs = (importJsonSchema() as any).$defs;

  it.each(ENTITIES)("%s: the GraphQL input, the JSON Schema row and the CSV columns list the same fields", (entity) => {
    const Input = SPECS[entity].input;
    const names = fieldsOf(Input).map((decl) => decl.name);
    expect(Object.keys(inputFields(Input.name)).sort()).toEqual([...names].sort());
    expect(Object.keys(defs[entity.replace(/s$/, "")].properties)).toEqual(names);
    const nested = fieldsOf(Input).filter((decl) => decl.kind.nested).map((decl) => decl.name);
    expect(SPECS[entity].columns.filter((column) => !nested.some((n) => column.startsWith(n)))).toEqual(names.filter((n) => !nested.includes(n)));
  });

  it("exposes an entity's stored properties on its output type, as the input declares them (type, nullability)", () => {
    const actor = (schema.getType("Actor") as GraphQLObjectType).getFields();
    expect(Object.keys(actor).sort()).toEqual(["description", "id", "inseeCog", "kind", "name", "rna", "ror", "siren", "siret", "uai", "website", "wikidata"]);
    expect(String(actor.name.type)).toBe("String!");
    expect(String(actor.kind.type)).toBe("ActorKind!");
    expect(String(actor.siren.type)).toBe("String");
    expect(actor.siren.description).toBe("SIREN: 9 digits, Luhn-checked");
    const alliance = (schema.getType("Alliance") as GraphQLObjectType).getFields();
    expect(String(alliance.objectives.type)).toBe("[AllianceObjective!]!");
    expect(String(alliance.startDate.type)).toBe("LocalDate");
    // Links (territories, sdgs, sources) are resolved fields of their own, not stored properties.
    expect(Object.keys(alliance)).not.toContain("territories");
  });

  it("derives a patch: the same fields but the omitted ones, every one nullable, with the same rules", () => {
    const patch = inputFields("ActorPatch");
    expect(Object.keys(patch).sort()).toEqual(fieldsOf(ActorInput).map((d) => d.name).filter((n) => n !== "id").sort());
    expect(Object.values(patch).filter((f) => isNonNullType(f.type))).toEqual([]);
    const rules = (target: Function, property: string) =>
      getMetadataStorage().getTargetValidationMetadatas(target, "", true, false).filter((m) => m.propertyName === property && m.type !== "conditionalValidation").map((m) => m.name ?? m.type).sort();
    expect(rules(ActorPatch, "siren")).toEqual(rules(ActorInput, "siren"));
    expect(rules(AlliancePatch, "objectives").length).toBeGreaterThan(1);
    expect(Object.keys(inputFields("MembershipPatch")).sort()).toEqual(["endDate", "role", "sourceIds", "startDate"]);
  });

  it("writes each link a field declares, and stores the other fields as properties", () => {
    const links = (entity: keyof typeof UPSERT_BY_ENTITY) => UPSERT_BY_ENTITY[entity].update;
    expect(links("actors")).toContain("MERGE (n)-[:BASED_IN]->(linked)");
    expect(links("outcomes")).toContain("MERGE (n)<-[:PRODUCED]-(linked)");
    const row = cypherRow({
      row: { entity: "outcomes", data: {}, origin: { file: "t" } }, key: "o1", territoryIds: { beneficiaryTerritories: ["COMMUNE:94028"] },
      input: { id: "o1", allianceId: "al", kind: "RESULT", title: "T", indicator: { value: 3, unit: "u" }, sdgs: [4, 4], beneficiaryTerritories: ["94028"], beneficiaryActorIds: [], sourceIds: ["s"] },
    });
    expect(row).toEqual({
      id: "o1",
      props: { kind: "RESULT", title: "T", description: null, indicatorValue: 3, indicatorUnit: "u", indicatorMeasuredOn: null },
      allianceIdAlliance: ["al"], sdgsSDG: [4], beneficiaryTerritoriesTerritory: ["COMMUNE:94028"], beneficiaryActorIdsActor: [], sourceIdsSource: ["s"],
    });
  });
});

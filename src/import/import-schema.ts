import { ActorKind, AllianceKind, AllianceObjective, AllianceStatus, MaturityLevel, MembershipRole, OutcomeKind, SourceKind } from "../common/enums";
import { ID_PATTERN } from "../common/validators";
import { MaturitySubjectType } from "../maturity/maturity.type";

/**
 * The JSON Schema of an import document, built from the code's enums and patterns;
 * schema/import.schema.json is this object (a test keeps them equal). It describes the
 * shape; the import itself applies the full class-validator rules (SIREN check digit, …).
 */
export function importJsonSchema(): object {
  const id = { type: "string", pattern: ID_PATTERN.source };
  const ids = (min = 0) => ({ type: "array", items: { $ref: "#/$defs/id" }, minItems: min, maxItems: 50 });
  const text = (max: number, min = 0) => ({ type: "string", minLength: min, maxLength: max });
  const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
  const date = { $ref: "#/$defs/date" };
  const territory = { $ref: "#/$defs/territoryRef" };
  const sdgs = { type: "array", items: { type: "integer", minimum: 1, maximum: 17 }, uniqueItems: true };
  const enumOf = (values: object) => ({ enum: Object.values(values) });
  const row = (required: string[], properties: Record<string, object>) => ({ type: "object", required, properties, additionalProperties: false });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://maillage.example/schema/import.schema.json",
    title: "Maillage import document",
    description: "Input of `maillage import`: each section is a list of rows shaped like the GraphQL inputs, upserted by id.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      sources: { type: "array", items: { $ref: "#/$defs/source" } },
      actors: { type: "array", items: { $ref: "#/$defs/actor" } },
      alliances: { type: "array", items: { $ref: "#/$defs/alliance" } },
      memberships: { type: "array", items: { $ref: "#/$defs/membership" } },
      outcomes: { type: "array", items: { $ref: "#/$defs/outcome" } },
      maturityAssessments: { type: "array", items: { $ref: "#/$defs/maturityAssessment" } },
    },
    $defs: {
      id,
      date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" },
      territoryRef: { type: "string", description: 'INSEE code ("94028") or territory id ("REGION:11")', pattern: "^(([A-Z_]+):)?[0-9A-Z]{2,9}$" },
      source: row(["id", "title", "kind"], {
        id, title: text(300, 1), publisher: nullable(text(200, 1)), date: nullable(date),
        url: nullable({ type: "string", format: "uri" }), kind: enumOf(SourceKind),
      }),
      actor: row(["id", "name", "kind"], {
        id, name: text(200, 1), kind: enumOf(ActorKind), description: nullable(text(4000)),
        website: nullable({ type: "string", format: "uri" }), siren: nullable({ type: "string", pattern: "^\\d{9}$" }),
        rna: nullable({ type: "string", pattern: "^W\\d{9}$" }), basedIn: nullable(territory), sourceIds: nullable(ids()),
      }),
      alliance: row(["id", "name", "kind", "objectives", "sourceIds"], {
        id, name: text(200, 1), description: nullable(text(4000)), kind: enumOf(AllianceKind),
        objectives: { type: "array", items: enumOf(AllianceObjective), minItems: 1, uniqueItems: true },
        status: enumOf(AllianceStatus), startDate: nullable(date), endDate: nullable(date),
        territories: { type: "array", items: territory, maxItems: 200, uniqueItems: true }, sdgs, sourceIds: ids(1),
      }),
      membership: row(["actorId", "allianceId", "role", "sourceIds"], {
        actorId: id, allianceId: id, role: enumOf(MembershipRole), startDate: nullable(date), endDate: nullable(date), sourceIds: ids(1),
      }),
      outcome: row(["id", "allianceId", "kind", "title", "sourceIds"], {
        id, allianceId: id, kind: enumOf(OutcomeKind), title: text(300, 1), description: nullable(text(4000)),
        indicator: nullable(row(["value", "unit"], { value: { type: "number" }, unit: text(100, 1), measuredOn: nullable(date) })),
        sdgs, beneficiaryTerritories: { type: "array", items: territory, maxItems: 200, uniqueItems: true },
        beneficiaryActorIds: { type: "array", items: id, maxItems: 200, uniqueItems: true }, sourceIds: ids(1),
      }),
      maturityAssessment: row(["id", "subjectType", "subjectId", "level", "assessedOn", "sourceIds"], {
        id, subjectType: enumOf(MaturitySubjectType), subjectId: { type: "string" }, level: enumOf(MaturityLevel),
        assessedOn: date, note: nullable(text(4000)), sourceIds: ids(1),
      }),
    },
  };
}

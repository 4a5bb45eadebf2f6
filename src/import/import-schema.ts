import { ID_PATTERN } from "../common/validators";
import { fieldsOf } from "../entity/field";
import { ENTITIES, SPECS } from "./entities";

/** The $defs name of an entity's row: "actors" → "actor", "maturityAssessments" → "maturityAssessment". */
const defOf = (entity: string) => entity.replace(/s$/, "");

const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });

/**
 * The JSON Schema of a row of `Input`, from its fields: each kind's schema (nullable when
 * optional), required unless optional or defaulted (the key always: files upsert by it).
 */
function rowSchema(Input: new () => object): object {
  const defaults = new Input() as Record<string, unknown>;
  const fields = fieldsOf(Input);
  const properties = Object.fromEntries(
    fields.map((decl) => {
      const schema = decl.kind.nested ? rowSchema(decl.kind.nested as new () => object) : decl.kind.json;
      const described = decl.description && !decl.key ? { ...schema, description: decl.description } : schema;
      return [decl.name, decl.optional && !decl.key ? nullable(described) : described];
    }),
  );
  const required = fields.filter((decl) => decl.key || (!decl.optional && defaults[decl.name] === undefined)).map((decl) => decl.name);
  return { type: "object", required, properties, additionalProperties: false };
}

/**
 * The JSON Schema of an import document, generated from the input classes' field
 * declarations; schema/import.schema.json is this object (a test keeps them equal). It
 * describes the shape; the import itself applies the full class-validator rules (SIREN check digit, …).
 */
export function importJsonSchema(): object {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://maillage.example/schema/import.schema.json",
    title: "Maillage import document",
    description: "Input of `maillage import`: each section is a list of rows shaped like the GraphQL inputs, upserted by id.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      ...Object.fromEntries(ENTITIES.map((entity) => [entity, { type: "array", items: { $ref: `#/$defs/${defOf(entity)}` } }])),
    },
    $defs: {
      id: { type: "string", pattern: ID_PATTERN.source },
      date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" },
      territoryRef: { type: "string", description: 'INSEE code ("94028") or territory id ("REGION:11")', pattern: "^(([A-Z_]+):)?[0-9A-Z]{2,9}$" },
      ...Object.fromEntries(ENTITIES.map((entity) => [defOf(entity), rowSchema(SPECS[entity].input)])),
    },
  };
}

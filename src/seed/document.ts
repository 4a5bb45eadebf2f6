import { validate } from "class-validator";
import { ActorInput } from "../actor/actor.input";
import { AllianceInput } from "../alliance/alliance.input";
import { MembershipInput } from "../membership/membership.input";
import { OutcomeInput, IndicatorInput } from "../outcome/outcome.input";
import { SourceInput } from "../source/source.input";
import { flattenValidationErrors } from "../graphql/format-error";
import { Executor } from "../neo4j/executor";
import { ActorRepository } from "../actor/actor.repository";
import { AllianceRepository } from "../alliance/alliance.repository";
import { MembershipRepository } from "../membership/membership.repository";
import { OutcomeRepository } from "../outcome/outcome.repository";
import { SourceRepository } from "../source/source.repository";

/** A graph document: the JSON shape of src/seed/demo-graph.json (the GraphQL inputs, grouped). */
export interface GraphDocument {
  sources: object[];
  actors: object[];
  alliances: object[];
  memberships: object[];
  outcomes: object[];
}

const SECTIONS = [
  ["sources", SourceInput],
  ["actors", ActorInput],
  ["alliances", AllianceInput],
  ["memberships", MembershipInput],
  ["outcomes", OutcomeInput],
] as const;

/** Builds the input class instance the API would get, so the same class-validator rules apply. */
function toInput<T extends object>(Class: new () => T, row: object): T {
  const input = Object.assign(new Class(), row) as T & { indicator?: object | null };
  if (input instanceof OutcomeInput && input.indicator) input.indicator = Object.assign(new IndicatorInput(), input.indicator);
  return input;
}

/**
 * Checks every row of a document with the GraphQL input rules; returns problems as
 * "/actors/3/siren: must be a SIREN…" (JSON pointers), empty when the document is valid.
 */
export async function validateDocument(doc: GraphDocument): Promise<string[]> {
  const problems: string[] = [];
  for (const [section, Class] of SECTIONS) {
    const rows = doc[section] ?? [];
    for (let index = 0; index < rows.length; index++) {
      const errors = await validate(toInput(Class as new () => object, rows[index]), { forbidUnknownValues: false });
      for (const { field, reason } of flattenValidationErrors(errors, "")) {
        problems.push(`/${section}/${index}/${field.replace(/\./g, "/")}: ${reason}`);
      }
    }
  }
  return problems;
}

/**
 * Writes a valid document through the same repositories the API uses (upserts by id, so
 * loading it twice changes nothing), in dependency order.
 */
export async function loadDocument(executor: Executor, doc: GraphDocument): Promise<Record<keyof GraphDocument, number>> {
  const problems = await validateDocument(doc);
  if (problems.length > 0) throw new Error(`The document has ${problems.length} invalid rows:\n${problems.join("\n")}`);
  const sources = new SourceRepository(executor);
  const actors = new ActorRepository(executor);
  const alliances = new AllianceRepository(executor);
  const memberships = new MembershipRepository(executor);
  const outcomes = new OutcomeRepository(executor);
  for (const row of doc.sources) await sources.upsert(toInput(SourceInput, row));
  for (const row of doc.actors) await actors.upsert(toInput(ActorInput, row));
  for (const row of doc.alliances) await alliances.upsert(toInput(AllianceInput, row));
  for (const row of doc.memberships) await memberships.upsert(toInput(MembershipInput, row));
  for (const row of doc.outcomes) await outcomes.upsert(toInput(OutcomeInput, row));
  return {
    sources: doc.sources.length,
    actors: doc.actors.length,
    alliances: doc.alliances.length,
    memberships: doc.memberships.length,
    outcomes: doc.outcomes.length,
  };
}

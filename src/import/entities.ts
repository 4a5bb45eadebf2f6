import { ActorInput } from "../actor/actor.input";
import { AllianceInput } from "../alliance/alliance.input";
import { MembershipInput } from "../membership/membership.input";
import { membershipId } from "../membership/membership.repository";
import { OutcomeInput } from "../outcome/outcome.input";
import { SourceInput } from "../source/source.input";
import { MaturityAssessmentInput } from "../maturity/maturity.input";

/** The sections of an import document, in the order they are written (each refers only to earlier ones). */
export const ENTITIES = ["sources", "actors", "alliances", "memberships", "outcomes", "maturityAssessments"] as const;
export type Entity = (typeof ENTITIES)[number];

/** A JSON import document: a GraphDocument (src/seed/document.ts) plus maturity assessments. */
export type ImportDocument = Partial<Record<Entity, object[]>>;

interface EntitySpec {
  /** The class whose class-validator rules a row must pass (the GraphQL input where there is one). */
  input: new () => object;
  /** Fields holding "YYYY-MM-DD" dates (GraphQL checks them as LocalDate; files need it done here). */
  dates: string[];
  /** CSV file name that selects the entity, and its columns; list columns hold `;`-separated values. */
  csvFile: string;
  columns: string[];
  lists: string[];
  numbers: string[];
  /** Whether a row must cite a source (facts about alliances do; actors may). */
  needsSource: boolean;
}

export const SPECS: Record<Entity, EntitySpec> = {
  sources: {
    input: SourceInput, dates: ["date"], csvFile: "sources.csv",
    columns: ["id", "title", "publisher", "date", "url", "kind"], lists: [], numbers: [], needsSource: false,
  },
  actors: {
    input: ActorInput, dates: [], csvFile: "actors.csv",
    columns: ["id", "name", "kind", "description", "website", "siren", "rna", "basedIn", "sourceIds"],
    lists: ["sourceIds"], numbers: [], needsSource: false,
  },
  alliances: {
    input: AllianceInput, dates: ["startDate", "endDate"], csvFile: "alliances.csv",
    columns: ["id", "name", "description", "kind", "objectives", "status", "startDate", "endDate", "territories", "sdgs", "sourceIds"],
    lists: ["objectives", "territories", "sdgs", "sourceIds"], numbers: ["sdgs"], needsSource: true,
  },
  memberships: {
    input: MembershipInput, dates: ["startDate", "endDate"], csvFile: "memberships.csv",
    columns: ["actorId", "allianceId", "role", "startDate", "endDate", "sourceIds"],
    lists: ["sourceIds"], numbers: [], needsSource: true,
  },
  outcomes: {
    input: OutcomeInput, dates: ["indicator.measuredOn"], csvFile: "outcomes.csv",
    columns: [
      "id", "allianceId", "kind", "title", "description", "indicatorValue", "indicatorUnit", "indicatorMeasuredOn",
      "sdgs", "beneficiaryTerritories", "beneficiaryActorIds", "sourceIds",
    ],
    lists: ["sdgs", "beneficiaryTerritories", "beneficiaryActorIds", "sourceIds"], numbers: ["sdgs", "indicatorValue"], needsSource: true,
  },
  maturityAssessments: {
    input: MaturityAssessmentInput, dates: ["assessedOn"], csvFile: "maturity.csv",
    columns: ["id", "subjectType", "subjectId", "level", "assessedOn", "note", "sourceIds"],
    lists: ["sourceIds"], numbers: [], needsSource: true,
  },
};

/** The entity a CSV file holds, from its name (`…/actors.csv`), or undefined. */
export function entityOfFile(path: string): Entity | undefined {
  const name = path.split(/[\\/]/).pop()!.toLowerCase();
  return ENTITIES.find((entity) => SPECS[entity].csvFile === name);
}

/** A row's external key: its id, or "<allianceId>/<actorId>" for a membership (as the API keys it). */
export function keyOf(entity: Entity, data: Record<string, any>): string {
  return entity === "memberships" ? membershipId(String(data.allianceId), String(data.actorId)) : String(data.id ?? "");
}

import { ActorInput } from "../actor/actor.input";
import { AllianceInput } from "../alliance/alliance.input";
import { MembershipInput, membershipId } from "../membership/membership.input";
import { OutcomeInput } from "../outcome/outcome.input";
import { SourceInput } from "../source/source.input";
import { MaturityAssessmentInput } from "../maturity/maturity.input";
import { Label } from "../neo4j/graph-model";
import { FlatField, flatFields, StoredLink, storedLinks, storedProperties } from "../entity/stored";

/** The sections of an import document, in the order they are written (each refers only to earlier ones). */
export const ENTITIES = ["sources", "actors", "alliances", "memberships", "outcomes", "maturityAssessments"] as const;
export type Entity = (typeof ENTITIES)[number];

/** A JSON import document: a GraphDocument (src/seed/document.ts) plus maturity assessments. */
export type ImportDocument = Partial<Record<Entity, object[]>>;

/** An entity: its input class (whose @field declarations say everything about its fields), node label and CSV file. */
export interface EntitySpec {
  input: new () => object;
  label: Label;
  csvFile: string;
  /** Stores `nameKey` (the folded name that sorting and prefix search use). */
  nameKey?: boolean;
  /** The CSV columns: the input's fields, flat (list cells hold `;`-separated values). */
  columns: string[];
  /** Its stored properties and links (src/entity/stored.ts), derived once: every row of an import reads them. */
  properties: FlatField[];
  links: StoredLink[];
}

const spec = (input: new () => object, label: Label, csvFile: string, nameKey = false): EntitySpec =>
  ({ input, label, csvFile, nameKey, columns: flatFields(input).map((f) => f.name), properties: storedProperties(input), links: storedLinks(input) });

export const SPECS: Record<Entity, EntitySpec> = {
  sources: spec(SourceInput, Label.Source, "sources.csv"),
  actors: spec(ActorInput, Label.Actor, "actors.csv", true),
  alliances: spec(AllianceInput, Label.Alliance, "alliances.csv", true),
  memberships: spec(MembershipInput, Label.Membership, "memberships.csv"),
  outcomes: spec(OutcomeInput, Label.Outcome, "outcomes.csv"),
  maturityAssessments: spec(MaturityAssessmentInput, Label.MaturityAssessment, "maturity.csv"),
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

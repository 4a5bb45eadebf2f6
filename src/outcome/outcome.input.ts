import { InputType } from "type-graphql";
import { OutcomeKind } from "../common/enums";
import { field } from "../entity/field";
import { date, enumOf, externalId, listOf, nested, number, sdgNumber, sourceIds, territoryRef, text } from "../entity/kinds";
import { CITES_SOURCES } from "../entity/links";
import { Label, Rel } from "../neo4j/graph-model";

/** Stored flat on the outcome node (indicatorValue, indicatorUnit, indicatorMeasuredOn). */
@InputType({ description: "A measured indicator" })
export class IndicatorInput {
  @field(number)
  value!: number;

  @field(text(1, 100))
  unit!: string;

  @field(date, { optional: true })
  measuredOn?: string | null;
}

/** An outcome's fields, declared once (src/entity/field.ts): what an alliance produced; an existing id is updated in place. */
@InputType({ description: "An outcome of an alliance; an existing id is updated in place" })
export class OutcomeInput {
  @field(externalId(), { optional: true, key: true, description: "External id; generated when omitted" })
  id?: string;

  // An outcome moved to another alliance leaves the old one.
  @field(externalId(), { links: [{ rel: Rel.PRODUCED, target: Label.Alliance, incoming: true }] })
  allianceId!: string;

  @field(enumOf(OutcomeKind))
  kind!: OutcomeKind;

  @field(text(1, 300))
  title!: string;

  @field(text(0, 4000, "many"), { optional: true })
  description?: string | null;

  @field(nested(IndicatorInput), { optional: true })
  indicator?: IndicatorInput | null;

  @field(listOf(sdgNumber, { unique: true }), {
    description: "SDG numbers (1–17) it advances",
    links: [{ rel: Rel.ADVANCES, target: Label.SDG, keyProperty: "number" }],
  })
  sdgs: number[] = [];

  @field(listOf(territoryRef, { max: 200, unique: true }), {
    description: "Territories that benefit: INSEE codes or territory ids",
    links: [{ rel: Rel.BENEFITS, target: Label.Territory }],
  })
  beneficiaryTerritories: string[] = [];

  @field(listOf(externalId(), { max: 200, unique: true }), { description: "Actors that benefit", links: [{ rel: Rel.BENEFITS, target: Label.Actor }] })
  beneficiaryActorIds: string[] = [];

  @field(sourceIds(1), { description: "Sources that attest it (at least one)", links: [CITES_SOURCES] })
  sourceIds!: string[];
}

import { InputType } from "type-graphql";
import { AllianceKind, AllianceObjective, AllianceStatus } from "../common/enums";
import { NotBefore } from "../common/validators";
import { field, patchOf } from "../entity/field";
import { date, enumOf, externalId, listOf, sdgNumber, sourceIds, territoryRef, text } from "../entity/kinds";
import { CITES_SOURCES } from "../entity/links";
import { Label, Rel } from "../neo4j/graph-model";

/** An alliance's fields, declared once (src/entity/field.ts): creates an alliance, or updates it when `id` already exists. */
@InputType({ description: "An alliance to create; an existing id is updated in place" })
export class AllianceInput {
  @field(externalId(), { optional: true, key: true, description: "External id; generated when omitted" })
  id?: string;

  @field(text(1, 200))
  name!: string;

  @field(text(0, 4000, "many"), { optional: true })
  description?: string | null;

  @field(enumOf(AllianceKind))
  kind!: AllianceKind;

  @field(listOf(enumOf(AllianceObjective), { min: 1, unique: true }), { description: "One or more of the four objectives" })
  objectives!: AllianceObjective[];

  @field(enumOf(AllianceStatus), { description: "ACTIVE when an alliance is created without one" })
  status: AllianceStatus = AllianceStatus.ACTIVE;

  @field(date, { optional: true })
  startDate?: string | null;

  @field(date, { optional: true, rules: [NotBefore("startDate")] })
  endDate?: string | null;

  @field(listOf(territoryRef, { max: 200, unique: true }), {
    description: "Territories where it acts: INSEE codes or territory ids",
    links: [{ rel: Rel.ACTS_IN, target: Label.Territory }],
  })
  territories: string[] = [];

  @field(listOf(sdgNumber, { unique: true }), {
    description: "SDG numbers (1–17) it contributes to",
    links: [{ rel: Rel.CONTRIBUTES_TO, target: Label.SDG, keyProperty: "number" }],
  })
  sdgs: number[] = [];

  @field(sourceIds(1), { description: "Sources that attest it (at least one)", links: [CITES_SOURCES] })
  sourceIds!: string[];
}

/** Changes some fields of an alliance; omitted fields stay, lists given replace the old ones. */
export const AlliancePatch = patchOf(
  AllianceInput,
  "AlliancePatch",
  "Fields to change; omitted fields are kept, null clears an optional field, lists replace",
  ["id"],
);
export type AlliancePatch = InstanceType<typeof AlliancePatch>;

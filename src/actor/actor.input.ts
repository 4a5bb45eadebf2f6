import { InputType } from "type-graphql";
import { ActorKind } from "../common/enums";
import { field, patchOf } from "../entity/field";
import { enumOf, externalId, identifier, rna, siren, sourceIds, territoryRef, text } from "../entity/kinds";
import { IdentifierScheme } from "../identifier/schemes";
import { Label, Rel } from "../neo4j/graph-model";
import { CITES_SOURCES } from "../entity/links";

/** An actor's fields, declared once (src/entity/field.ts): creates an actor, or updates it when `id` already exists. */
@InputType({ description: "An actor to create; an existing id is updated in place" })
export class ActorInput {
  @field(externalId(), { optional: true, key: true, description: "External id; generated when omitted" })
  id?: string;

  @field(text(1, 200))
  name!: string;

  @field(enumOf(ActorKind))
  kind!: ActorKind;

  @field(text(0, 4000, "many"), { optional: true })
  description?: string | null;

  @field(identifier(IdentifierScheme.WEBSITE), { optional: true })
  website?: string | null;

  @field(siren, { optional: true, description: "SIREN: 9 digits, Luhn-checked" })
  siren?: string | null;

  @field(rna, { optional: true, description: "RNA association number: W + 9 digits" })
  rna?: string | null;

  // The other identifiers (src/identifier/schemes.ts): each normalised, then checked by its scheme's rule.
  @field(identifier(IdentifierScheme.SIRET), { optional: true, description: "SIRET of its main establishment: 14 digits, Luhn-checked" })
  siret?: string | null;

  @field(identifier(IdentifierScheme.ROR), { optional: true, description: "ROR id (research organisations): 03yrm5c26, no URL" })
  ror?: string | null;

  @field(identifier(IdentifierScheme.UAI), { optional: true, description: "UAI (schools, universities): 7 digits and a check letter" })
  uai?: string | null;

  @field(identifier(IdentifierScheme.WIKIDATA), { optional: true, description: "Wikidata item: Q90" })
  wikidata?: string | null;

  @field(identifier(IdentifierScheme.INSEE_COG), { optional: true, description: "INSEE code (COG) of the collectivité: commune, département or région" })
  inseeCog?: string | null;

  @field(territoryRef, {
    optional: true,
    description: "Territory it is based in: INSEE code or territory id",
    links: [{ rel: Rel.BASED_IN, target: Label.Territory }],
  })
  basedIn?: string | null;

  @field(sourceIds(), { optional: true, description: "Sources that attest this actor", links: [CITES_SOURCES] })
  sourceIds?: string[] | null;
}

/** Changes some fields of an actor; omitted fields stay, `null` clears an optional one. */
export const ActorPatch = patchOf(ActorInput, "ActorPatch", "Fields to change; omitted fields are kept, null clears an optional field", ["id"]);
export type ActorPatch = InstanceType<typeof ActorPatch>;

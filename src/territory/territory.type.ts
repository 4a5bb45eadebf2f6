import { ConnectionOf } from "../common/connection";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { TerritoryLevel } from "../common/enums";

/** A French territory from the official geography (@etalab/decoupage-administratif). */
@ObjectType({ simpleResolvers: true, description: "A French territory: country, région, département, EPCI, commune" })
export class Territory {
  @Field(() => ID, { description: "\"<LEVEL>:<code>\", e.g. REGION:11, DEPARTEMENT:94, COMMUNE:94028, EPCI:200054781" })
  id!: string;

  @Field({ description: "INSEE code (SIREN for an EPCI)" })
  code!: string;

  @Field(() => TerritoryLevel)
  level!: TerritoryLevel;

  @Field()
  name!: string;

  @Field(() => Int, { nullable: true })
  population?: number | null;

  @Field(() => String, { nullable: true, description: "SIREN of the commune or EPCI (absent for overseas collectivities)" })
  siren?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of territories" })
export class TerritoryConnection extends ConnectionOf(Territory) {}

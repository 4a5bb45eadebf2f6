import { Field, Float, ID, ObjectType } from "type-graphql";
import { Actor } from "../actor/actor.type";
import { ConnectionOf } from "../common/connection";

@ObjectType({ simpleResolvers: true, description: "Why two actors may be one organisation" })
export class DuplicateReason {
  @Field({ description: "What they share: an identifier property (siren, siret, rna, ror, uai, wikidata, inseeCog, website) or `name`" })
  field!: string;

  @Field({ description: "The shared value as compared: the identifier (a website without scheme, www. or final /), or the name key" })
  value!: string;

  @Field(() => ID, { nullable: true, description: "For `name`: the territory both are based in" })
  territoryId!: string | null;

  @Field(() => Float, { description: "What this reason weighs in the score" })
  weight!: number;
}

@ObjectType({ simpleResolvers: true, description: "Two actors likely to be the same organisation (a before b by id)" })
export class DuplicateCandidate {
  @Field(() => Actor)
  a!: Actor;

  @Field(() => Actor)
  b!: Actor;

  @Field(() => Float, { description: "1 − Π(1 − weight) over the reasons, to two decimals" })
  score!: number;

  @Field(() => [DuplicateReason], { description: "Heaviest first, then by field" })
  reasons!: DuplicateReason[];
}

@ObjectType({ simpleResolvers: true, description: "A page of duplicate candidates" })
export class DuplicateCandidateConnection extends ConnectionOf(DuplicateCandidate) {}

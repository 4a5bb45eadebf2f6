import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionOf } from "../common/connection";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";
import { Outcome } from "../outcome/outcome.type";
import { Territory } from "../territory/territory.type";

/** What a search can find; the values also order hits of equal score (ACTOR first). */
export enum SearchKind {
  ACTOR = "ACTOR",
  ALLIANCE = "ALLIANCE",
  OUTCOME = "OUTCOME",
  TERRITORY = "TERRITORY",
}
registerEnumType(SearchKind, {
  name: "SearchKind",
  valuesConfig: {
    ACTOR: { description: "Actors, by name and description" },
    ALLIANCE: { description: "Alliances, by name and description" },
    OUTCOME: { description: "Outcomes, by title and description" },
    TERRITORY: { description: "Territories, by name" },
  },
});

/** One search result: exactly one of actor, alliance, outcome, territory is set, as `kind` says. */
@ObjectType({ simpleResolvers: true, description: "A search result: `kind` says which one of actor, alliance, outcome, territory is set" })
export class SearchHit {
  @Field(() => SearchKind)
  kind!: SearchKind;

  @Field(() => Float, { description: "Relevance (Lucene score): higher is better; comparable only within one search" })
  score!: number;

  @Field(() => Actor, { nullable: true })
  actor?: Actor | null;

  @Field(() => Alliance, { nullable: true })
  alliance?: Alliance | null;

  @Field(() => Outcome, { nullable: true })
  outcome?: Outcome | null;

  @Field(() => Territory, { nullable: true })
  territory?: Territory | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of search results, most relevant first" })
export class SearchHitConnection extends ConnectionOf(SearchHit) {}

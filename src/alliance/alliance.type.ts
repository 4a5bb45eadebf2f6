import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { AllianceKind, AllianceObjective, AllianceStatus } from "../common/enums";
import { ConnectionOf } from "../common/connection";

/** A partnership between two or more actors. Relationship fields live in alliance.resolver.ts. */
@ObjectType({ description: "A partnership (alliance d'intérêt général) between actors, acting in territories over a period" })
export class Alliance {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => AllianceKind)
  kind!: AllianceKind;

  @Field(() => [AllianceObjective])
  objectives!: AllianceObjective[];

  @Field(() => AllianceStatus)
  status!: AllianceStatus;

  @Field(() => LocalDateResolver, { nullable: true })
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  endDate?: string | null;
}

@ObjectType({ description: "A page of alliances" })
export class AllianceConnection extends ConnectionOf(Alliance) {}

import { ArgsType, Field } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { IsEnum, IsOptional } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { ActorKind, MembershipRole } from "../common/enums";

/** Arguments of `Alliance.members`: roles, member kinds, date, page. */
@ArgsType()
export class MemberListArgs extends ConnectionArgs {
  @Field(() => [MembershipRole], { nullable: true })
  @IsOptional()
  @IsEnum(MembershipRole, { each: true })
  roles?: MembershipRole[] | null;

  @Field(() => [ActorKind], { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  kinds?: ActorKind[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only memberships active on this date" })
  @IsOptional()
  at?: string | null;
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/viewer";
import { LocalDateResolver } from "graphql-scalars";
import type { Context } from "../graphql/context";
import { Actor } from "../actor/actor.type";
import { MaturityAssessmentInput } from "./maturity.input";
import { MaturityAssessment } from "./maturity.type";
import { AT } from "./territory-maturity.resolver";

/**
 * GraphQL for maturity assessments: Actor.maturity / maturityHistory, the mutations, and
 * (inherited, see territory-maturity.resolver.ts) the same fields on Territory.
 */
@Resolver(() => Actor)
export class MaturityResolver {
  @Query(() => MaturityAssessment, { nullable: true, description: "A maturity assessment by id" })
  maturityAssessment(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.assessmentById.load(id);
  }

  @FieldResolver(() => MaturityAssessment, { name: "maturity", nullable: true, description: "Its latest maturity assessment (ties: greatest id)" })
  actorMaturity(@Root() actor: Actor, @Arg("at", () => LocalDateResolver, AT) at: string | null, @Ctx() ctx: Context) {
    return ctx.loaders.maturityOfActor.load({ id: actor.id, at: at ?? null });
  }

  @FieldResolver(() => [MaturityAssessment], { name: "maturityHistory", description: "Its maturity assessments, oldest first" })
  actorMaturityHistory(@Root() actor: Actor, @Ctx() ctx: Context) {
    return ctx.loaders.maturityHistoryOfActor.load(actor.id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => MaturityAssessment, { description: "Records a maturity assessment; an existing id is replaced" })
  assessMaturity(@Arg("input") input: MaturityAssessmentInput, @Ctx() { repos }: Context) {
    return repos.maturity.upsert(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Deletes a maturity assessment" })
  deleteMaturityAssessment(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.maturity.delete(id);
  }
}

import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { OUTCOME_PAGES } from "../outcome/outcome.page";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { OutcomeConnection } from "../outcome/outcome.type";
import { CoConstruction } from "./co-construction.type";

@Resolver(() => CoConstruction)
export class CoConstructionResolver {
  @FieldResolver(() => OutcomeConnection, { description: "Outcomes of the shared alliances, by title" })
  outcomes(@Root() shared: CoConstruction, @Args() args: OutcomeKindArgs, @Ctx() ctx: Context) {
    return OUTCOME_PAGES.ofCoConstruction.page(ctx, { ...args, shared });
  }
}

import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { ListArgs } from "../common/list.args";
import { Outcome } from "../outcome/outcome.type";
import { CoConstruction } from "./co-construction.type";

@Resolver(() => CoConstruction)
export class CoConstructionResolver {
  @FieldResolver(() => [Outcome], { description: "Outcomes of the shared alliances" })
  async outcomes(@Root() shared: CoConstruction, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    const perAlliance = await loaders.outcomesOfAlliance.loadMany(shared.alliances.map((a) => ({ id: a.id, first })));
    return perAlliance
      .flatMap((outcomes) => {
        if (outcomes instanceof Error) throw outcomes;
        return outcomes;
      })
      .slice(0, first);
  }
}

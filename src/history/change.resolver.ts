import { Args, Authorized, ClassType, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { Source } from "../source/source.type";
import { MaturityAssessment } from "../maturity/maturity.type";
import { ChangeListArgs, HistoryArgs } from "./change.args";
import { CHANGE_PAGES, historyPage } from "./change.page";
import { ChangeConnection, HistoryEntity } from "./change.type";

/** The change log for admins: thin, the work is in the page declarations. */
@Resolver()
export class ChangeResolver {
  @Authorized(Role.ADMIN)
  @Query(() => ChangeConnection, { description: "Every committed change to the graph, newest first: when, who, how, which entity, its fields before and after (admins)" })
  changes(@Args() args: ChangeListArgs, @Ctx() ctx: Context) {
    return CHANGE_PAGES.changes.page(ctx, args);
  }
}

/** A `history` field on an entity type: its changes, newest first (who made them: admins only). */
function historyResolver(type: ClassType<{ id: string }>, entity: HistoryEntity) {
  @Resolver(() => type)
  class HistoryResolver {
    @FieldResolver(() => ChangeConnection, { description: "Its changes, newest first: created, updated, deleted, merged; fields before and after" })
    history(@Root() node: { id: string }, @Args() args: HistoryArgs, @Ctx() ctx: Context) {
      return historyPage(ctx, entity, node.id, args);
    }
  }
  return HistoryResolver;
}

export const HISTORY_RESOLVERS = [
  historyResolver(Actor, HistoryEntity.ACTOR),
  historyResolver(Alliance, HistoryEntity.ALLIANCE),
  historyResolver(Membership, HistoryEntity.MEMBERSHIP),
  historyResolver(Outcome, HistoryEntity.OUTCOME),
  historyResolver(Source, HistoryEntity.SOURCE),
  historyResolver(MaturityAssessment, HistoryEntity.MATURITY_ASSESSMENT),
] as const;

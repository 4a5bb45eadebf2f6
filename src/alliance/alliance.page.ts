import type { Context } from "../graphql/context";
import { allianceScope } from "../graphql/scope";
import { orderingOf, PagedField, PagedList } from "../neo4j/paging";
import { MemberListArgs } from "../membership/membership.args";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { toOutcome } from "../outcome/outcome.repository";
import { toNeo4jDate } from "../neo4j/props";
import { scopeShape } from "./alliance-filter";
import { AllianceListArgs } from "./alliance.args";
import * as Q from "./alliance.cypher";

/** The ordering and scope every alliance list reads from its AllianceListArgs. */
export const ALLIANCE_LIST = {
  order: (args: AllianceListArgs) => orderingOf(args.orderBy),
  params: (args: AllianceListArgs, ctx: Context) => allianceScope(ctx, args.filter, args.at),
};

/** The paged lists of alliances and of what an alliance holds, each declared once (see neo4j/paging.ts). */
export const ALLIANCE_PAGES = {
  /** `alliances`: from the most selective criterion (member ids, else the territory walked down: MATCH_ALLIANCES). */
  alliances: new PagedList({
    name: "alliances",
    ...ALLIANCE_LIST,
    spec: (order, params) => Q.ALLIANCES(order, scopeShape(params.filter, params.at)),
  }),

  /** `Territory.alliances`: acting in the territory or anywhere inside it. */
  inTerritory: new PagedField({ name: "Territory.alliances", ...ALLIANCE_LIST, spec: Q.ALLIANCES_IN_TERRITORY }),

  /** `SDG.alliances` (keyed by the goal's number). */
  forSdg: new PagedField({ name: "SDG.alliances", ...ALLIANCE_LIST, spec: Q.ALLIANCES_FOR_SDG }),

  /** `Alliance.members`: leaders first, then by member name. */
  members: new PagedField({
    name: "Alliance.members",
    order: "ROLE",
    params: (args: MemberListArgs) => ({ at: toNeo4jDate(args.at), roles: args.roles ?? null, kinds: args.kinds ?? null }),
    spec: (order, shape) => Q.MEMBERS_OF_ALLIANCE(shape),
  }),

  /** `Alliance.outcomes`, by title (fetched ahead by actor/neighbourhood.prefetch.ts). */
  outcomes: new PagedField({
    name: "Alliance.outcomes",
    order: "TITLE",
    params: (args: OutcomeKindArgs) => ({ kinds: args.kinds ?? null }),
    spec: (order, shape) => Q.OUTCOMES_OF_ALLIANCE(shape),
    node: toOutcome,
  }),
};

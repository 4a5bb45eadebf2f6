import type { Context } from "../graphql/context";
import { allianceScope, territoryIdOf } from "../graphql/scope";
import { orderingOf, PagedField, PagedList } from "../neo4j/paging";
import { toNeo4jDate } from "../neo4j/props";
import { nameKey } from "../common/text";
import { shapeOf } from "../scope/shape";
import { ALLIANCE_LIST } from "../alliance/alliance.page";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { toOutcome } from "../outcome/outcome.repository";
import { ActorListArgs, CoConstructorArgs } from "./actor.args";
import * as Q from "./actor.cypher";
import { identifierCriterion } from "../identifier/lookup";

/** The paged lists of actors and of what an actor is part of, each declared once (see neo4j/paging.ts). */
export const ACTOR_PAGES = {
  /** `actors`: kinds, territory (based in it or inside it), SDGs of their alliances, name prefix (folded), identifier, date. */
  actors: new PagedList({
    name: "actors",
    order: (args: ActorListArgs) => orderingOf(args.orderBy),
    params: async ({ filter, at }: ActorListArgs, ctx: Context) => {
      const prefix = filter?.nameStartsWith ?? null;
      const identifier = identifierCriterion(filter?.identifier, "filter.identifier");
      return {
        filter: {
          kinds: filter?.kinds ?? null,
          territoryId: await territoryIdOf(ctx, filter?.territory),
          sdgs: filter?.sdgs ?? null,
          namePrefix: prefix && nameKey(prefix),
          identifierValue: identifier?.value ?? null,
          identifierHeld: identifier && identifier.value === null ? true : null,
        },
        at: toNeo4jDate(at),
        identifierProperty: identifier?.property ?? null,
      };
    },
    spec: (order, params) => Q.ACTORS(order, shapeOf(params), params.identifierProperty),
  }),

  /** `Actor.alliances`: its memberships of alliances in scope, in the alliance ordering. */
  alliances: new PagedField({ name: "Actor.alliances", ...ALLIANCE_LIST, spec: Q.MEMBERSHIPS_OF_ACTOR }),

  /** `Actor.coConstructors`, most shared first (fetched ahead by neighbourhood.prefetch.ts). */
  coConstructors: new PagedField({
    name: "Actor.coConstructors",
    order: "RANK",
    params: async (args: CoConstructorArgs, ctx: Context) => {
      const { filter, at } = await allianceScope(ctx, args.filter, args.at);
      return { depth: args.depth, kinds: args.kinds ?? null, territoryId: await territoryIdOf(ctx, args.territory), filter, at };
    },
    spec: (order, shape) => Q.coConstructorsSpec(shape),
    shape: Q.coConstructorsShape,
  }),

  /** `Actor.impact`: outcomes of the alliances it is a member of, by title. */
  impact: new PagedField({
    name: "Actor.impact",
    order: "TITLE",
    params: (args: OutcomeKindArgs) => ({ kinds: args.kinds ?? null, at: toNeo4jDate(args.at) }),
    spec: (order, shape) => Q.IMPACT_OF_ACTOR(shape),
    node: toOutcome,
  }),
};

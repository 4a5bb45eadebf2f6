import type { Context } from "../graphql/context";
import { territoryIdOf } from "../graphql/scope";
import { shapeOf } from "../scope/shape";
import { PagedField, PagedList } from "../neo4j/paging";
import { nameKey } from "../common/text";
import { ChildrenArgs, TerritoryActorArgs, TerritoryListArgs } from "./territory.args";
import * as Q from "./territory.cypher";

/** The paged lists of territories and of what lies in one, each declared once (see neo4j/paging.ts). */
export const TERRITORY_PAGES = {
  /** `territories`: by level, inside a territory, name prefix (folded); by name. */
  territories: new PagedList({
    name: "territories",
    order: "NAME",
    params: async (args: TerritoryListArgs, ctx: Context) => {
      const prefix = args.nameStartsWith ?? null;
      return { level: args.level ?? null, withinId: await territoryIdOf(ctx, args.within), namePrefix: prefix && nameKey(prefix) };
    },
    spec: (order, params) => Q.TERRITORIES(shapeOf(params)),
  }),

  /** `Territory.children`: directly inside it, by name. */
  children: new PagedField({ name: "Territory.children", order: "NAME", params: (args: ChildrenArgs) => ({ level: args.level ?? null }), spec: (order, shape) => Q.CHILDREN(shape) }),

  /** `Territory.actors`: based in it or anywhere inside it, by name. */
  actors: new PagedField({ name: "Territory.actors", order: "NAME", params: (args: TerritoryActorArgs) => ({ kinds: args.kinds ?? null }), spec: (order, shape) => Q.ACTORS_IN(shape) }),
};

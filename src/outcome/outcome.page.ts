import type { Context } from "../graphql/context";
import { territoryIdOf } from "../graphql/scope";
import { shapeOf } from "../scope/shape";
import { PagedList } from "../neo4j/paging";
import { toNeo4jDate } from "../neo4j/props";
import type { CoConstruction } from "../actor/co-construction.type";
import { OutcomeKindArgs, OutcomeListArgs } from "./outcome.args";
import { toOutcome } from "./outcome.repository";
import * as Q from "./outcome.cypher";

/** The paged lists of outcomes, each declared once (see neo4j/paging.ts); both read OUTCOMES, by title. */
export const OUTCOME_PAGES = {
  /** `outcomes`: kinds, SDGs, alliances, territory (acting in it or inside it), date. */
  outcomes: new PagedList({
    name: "outcomes",
    order: "TITLE",
    params: async ({ filter, at }: OutcomeListArgs, ctx: Context) => ({
      filter: {
        kinds: filter?.kinds ?? null,
        sdgs: filter?.sdgs ?? null,
        allianceIds: filter?.allianceIds ?? null,
        territoryId: await territoryIdOf(ctx, filter?.territory),
      },
      at: toNeo4jDate(at),
    }),
    spec: (order, params) => Q.OUTCOMES(shapeOf(params)),
    node: toOutcome,
  }),

  /** `CoConstruction.outcomes`: of the shared alliances, on the pair's date unless the field gives one. */
  ofCoConstruction: new PagedList({
    name: "CoConstruction.outcomes",
    order: "TITLE",
    params: ({ kinds, at, shared }: OutcomeKindArgs & { shared: CoConstruction }) => ({
      filter: { kinds: kinds ?? null, sdgs: null, territoryId: null, allianceIds: shared.alliances.map((alliance) => alliance.id) },
      at: toNeo4jDate(at ?? shared.at),
    }),
    spec: (order, params) => Q.OUTCOMES(shapeOf(params)),
    node: toOutcome,
  }),
};

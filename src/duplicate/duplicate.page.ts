import type { Context } from "../graphql/context";
import { territoryIdOf } from "../graphql/scope";
import { PagedList } from "../neo4j/paging";
import { DuplicateCandidateArgs } from "./duplicate.args";
import { DUPLICATE_CANDIDATES } from "./duplicate.cypher";
import { DuplicateCandidate, DuplicateReason } from "./duplicate.type";
import { MATCH_KEY_PARAMS } from "./match-keys";

/** Heaviest reason first, then by field and value, so the same pair always reads the same. */
const byWeight = (x: DuplicateReason, y: DuplicateReason) =>
  y.weight - x.weight || (x.field < y.field ? -1 : x.field > y.field ? 1 : x.value < y.value ? -1 : x.value > y.value ? 1 : 0);

/** `duplicateCandidates`, highest score first, then by the ids of the pair (see neo4j/paging.ts). */
export const DUPLICATE_PAGES = {
  candidates: new PagedList({
    name: "duplicateCandidates",
    order: "SCORE",
    params: async ({ territory, minScore }: DuplicateCandidateArgs, ctx: Context) => ({
      territoryId: await territoryIdOf(ctx, territory),
      minScore: minScore ?? 0,
      ...MATCH_KEY_PARAMS,
    }),
    spec: (order, params) => DUPLICATE_CANDIDATES(params.territoryId !== null),
    node: (row: DuplicateCandidate): DuplicateCandidate => ({ ...row, reasons: [...row.reasons].sort(byWeight) }),
  }),
};

import { DateTime } from "neo4j-driver";
import type { Context } from "../graphql/context";
import { PagedField, PagedList } from "../neo4j/paging";
import { shapeOf } from "../scope/shape";
import { ChangeListArgs, HistoryArgs } from "./change.args";
import { CHANGES, HISTORY_OF } from "./change.cypher";
import { Change, HistoryEntity } from "./change.type";

const instant = (date: Date | null | undefined) => (date ? DateTime.fromStandardDate(date) : null);

/** A Change row as Cypher returns it → the API's: rows parsed back, the instant a Date. */
const toChange = ({ atMs, before, after, ...row }: any): Change => ({
  ...row,
  at: new Date(atMs),
  before: before === null ? null : JSON.parse(before),
  after: after === null ? null : JSON.parse(after),
});

/** The change log's paged lists, newest first (see neo4j/paging.ts). */
export const CHANGE_PAGES = {
  changes: new PagedList({
    name: "changes",
    order: () => ({ order: "SEQ", descending: true }),
    params: ({ entity, entityId, how, op, who, since, until }: ChangeListArgs) => ({
      entity: entity ?? null, entityId: entityId ?? null, how: how ?? null, op: op ?? null, who: who ?? null, since: instant(since), until: instant(until),
    }),
    spec: (order, params) => CHANGES(shapeOf(params)),
    node: toChange,
  }),
};

/** Each kind of entity's `history` list: its kind goes in the key, since ids of different kinds may coincide. */
const HISTORY = new Map(
  Object.values(HistoryEntity).map((entity) => [
    entity,
    new PagedField({ name: `${entity}.history`, order: () => ({ order: "SEQ", descending: true }), params: (_args: HistoryArgs, _ctx: Context) => ({ entity }), spec: () => HISTORY_OF, node: toChange }),
  ]),
);

/** Entity `id`'s history page, newest first. */
export const historyPage = (ctx: Context, entity: HistoryEntity, id: string, args: HistoryArgs) => HISTORY.get(entity)!.page(ctx, id, args);

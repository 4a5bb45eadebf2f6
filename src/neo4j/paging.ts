import { ConnectionArgs, Page, PagePlan, planPage, toPage } from "../common/connection";
import { inKeyOrder, keyedLoader, KeyedLoader } from "../common/loader";
import { SortDirection } from "../common/ordering";
import type { Executor } from "./executor";
import { byShape, Shape, shapeOf } from "../scope/shape";

/**
 * A paged list in Cypher: `body` binds one row per item, with the item in `x` and any
 * variables `sortKey` and `project` need; `sortKey` is a list expression ending in a unique
 * id (the stable tie-break); `project` is the map the API gets for `x`.
 *
 *   const ALLIANCES: ListSpec = {
 *     body: `MATCH (x:Alliance) WHERE ${ALLIANCE_MATCHES("x", "$filter")}`,
 *     sortKey: "[x.nameKey, x.id]",
 *     project: `x {${NODE_PROPS}}`,
 *   };
 *
 * For batched relationship fields the body reads its arguments from `key` (`key.id`, …).
 */
export interface ListSpec {
  body: string;
  sortKey: string;
  project: string;
}

const direction = (plan: Pick<PagePlan, "descending">) => (plan.descending ? "DESC" : "ASC");
const after = (plan: Pick<PagePlan, "descending">) => (plan.descending ? "<" : ">");

/** What a page query needs to know of its plan: the direction, and whether a cursor is given when known. */
type PageShape = Pick<PagePlan, "descending"> & { cursor?: unknown };

/** The cursor condition: none on a first page (a guard would be evaluated on every row), guarded when unknown. */
function afterCursor(plan: PageShape, cursor: string): string {
  if (plan.cursor === undefined) return `WHERE ${cursor} IS NULL OR sortKey ${after(plan)} ${cursor}`;
  return plan.cursor === null ? "" : `WHERE sortKey ${after(plan)} ${cursor}`;
}

/** One page of a root list, with parameters `$cursor` and `$limit`. */
function pageQuery(spec: ListSpec, plan: PageShape): string {
  return `${spec.body}
WITH x, ${spec.sortKey} AS sortKey
${afterCursor(plan, "$cursor")}
WITH x, sortKey ORDER BY sortKey ${direction(plan)} LIMIT toInteger($limit)
RETURN ${spec.project} AS node, sortKey`;
}

/** How many items the root list holds (for `totalCount`). */
function countQuery(spec: ListSpec): string {
  return `${spec.body}
RETURN count(x) AS total`;
}

/**
 * One page per key of a batched relationship field, in one query: keys carry `id`, the
 * field's arguments, `cursor` and `limit`. Rows come back as `{ i, value: [{node, sortKey}] }`.
 * The direction is part of the query, so a batch holds keys of one direction (see `byDirection`).
 * `keys` is the Cypher expression holding the keys: `$keys`, or a variable when the batch is a
 * subquery of a bigger statement (actor/neighbourhood.cypher.ts).
 */
export function batchPageQuery(spec: ListSpec, plan: PageShape, keys = "$keys"): string {
  return `UNWIND range(0, size(${keys}) - 1) AS i
WITH i, ${keys}[i] AS key
CALL (key) {
  ${spec.body}
  WITH x, ${spec.sortKey} AS sortKey
  ${afterCursor(plan, "key.cursor")}
  WITH x, sortKey ORDER BY sortKey ${direction(plan)}
  WITH key, collect([x, sortKey]) AS sorted
  UNWIND sorted[0..key.limit] AS pick
  WITH pick[0] AS x, pick[1] AS sortKey
  RETURN collect({node: ${spec.project}, sortKey: sortKey}) AS rows
}
RETURN i, rows AS value`;
}

/** How many items each key's list holds, in one query: rows `{ i, value: count }`. */
function batchCountQuery(spec: ListSpec): string {
  return `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  ${spec.body}
  RETURN count(x) AS total
}
RETURN i, total AS value`;
}

/** A key of a batched paged field: the parent's id, the field's arguments, the ordering and the page. */
export interface BatchPageKey {
  id: string | number;
  order: string;
  cursor: unknown[] | null;
  limit: number;
  descending: boolean;
  [argument: string]: unknown;
}

export type PageRow<T> = { node: T; sortKey: unknown[] };
type Params = Record<string, unknown>;
type Read = (cypher: string, params: Params) => Promise<Record<string, any>[]>;

/** A field's Cypher in an ordering, specialised to the criteria its keys give (scope/shape.ts). */
type FieldSpec = (order: string, shape: Shape) => ListSpec;

/**
 * Pages for a batch of keys: one query per shape, ordering, direction and first-page-or-not
 * present (almost always one), rows returned in key order.
 */
async function runBatchPages(read: Read, specFor: FieldSpec, keys: readonly BatchPageKey[], shapeOfKey: (key: object) => Shape): Promise<PageRow<unknown>[][]> {
  const out: PageRow<unknown>[][] = new Array(keys.length).fill([]);
  const groups = new Map<string, { shape: Shape; indexes: number[] }>();
  keys.forEach((key, index) => {
    const shape = shapeOfKey(key);
    const id = `${key.order}|${key.descending}|${key.cursor === null}|${[...shape].sort().join(",")}`;
    const group = groups.get(id) ?? { shape, indexes: [] };
    group.indexes.push(index);
    groups.set(id, group);
  });
  for (const { shape, indexes } of groups.values()) {
    const { order, descending, cursor } = keys[indexes[0]];
    const rows = await read(batchPageQuery(specFor(order, shape), { descending, cursor: cursor === null ? null : "given" }), {
      keys: indexes.map((index) => keys[index]),
    });
    for (const row of rows) out[indexes[row.i]] = row.value;
  }
  return out;
}

/** An ordering: its name (cursor scope and sort key: "NAME", "MEMBER_COUNT:DESC") and whether the whole key runs backwards. */
export type Ordering = { order: string; descending?: boolean };

/**
 * The ordering an `orderBy: { field, direction }` argument asks for (NAME ascending when absent).
 * By name the whole key runs backwards when descending; other fields name their direction
 * ("MEMBER_COUNT:DESC"), their Cypher negating the value so that ties still read by name A→Z.
 */
export function orderingOf(orderBy: { field: string; direction: SortDirection } | null | undefined): Ordering {
  const field = orderBy?.field ?? "NAME";
  const descending = orderBy?.direction === SortDirection.DESC;
  return field === "NAME" ? { order: field, descending } : { order: descending ? `${field}:DESC` : field };
}

/**
 * A paged list, declared once: its page and count queries, its loaders and its resolver body
 * derive from it (PagedList for a root list, PagedField for a batched relationship field).
 *
 *   export const MEMBERS = new PagedField({
 *     name: "Alliance.members",                                           // cursor namespace
 *     order: "ROLE",                                                      // or (args) => ({ order, descending })
 *     params: (args: MemberListArgs) => ({ roles: args.roles ?? null }),  // what its Cypher reads, in the key
 *     spec: (order, shape) => Q.MEMBERS_OF_ALLIANCE(shape),               // its Cypher in an ordering, for the criteria given
 *   });
 *   // the resolver: return MEMBERS.page(ctx, alliance.id, args);
 */
interface Declaration<C, A, P, N> {
  name: string;
  order: string | ((args: A) => Ordering);
  /** The arguments as its Cypher reads them: territory resolved, dates converted. */
  params: (args: A, ctx: C) => P | Promise<P>;
  /** A row's node as Cypher returns it → the API's (outcomes, facts); as is when absent. */
  node?: (row: any) => N;
}

/** What paging needs of a request: its executor (round trips are counted there) and, for fields, its page loaders. */
type Reading = { executor: Pick<Executor, "read"> };
type Loading = Reading & { loaders: { pages: PageLoaders } };

/** One page asked for: the plan (ordering, cursor, size) and the params. */
export type Planned<P> = { plan: PagePlan; params: P };

async function planned<C, A extends ConnectionArgs, P>(d: Declaration<C, A, P, unknown>, ctx: C, args: A): Promise<Planned<P>> {
  const { order, descending } = typeof d.order === "string" ? { order: d.order } : d.order(args);
  const plan = planPage(args, d.name, order, descending);
  return { plan, params: await d.params(args, ctx) };
}

function nodes<N>({ node }: { node?: (row: any) => N }, rows: PageRow<unknown>[]): PageRow<N>[] {
  return node ? rows.map((row) => ({ ...row, node: node(row.node) })) : (rows as PageRow<N>[]);
}

/** A root list: its Cypher reads `$…` of params and may specialise to them; params null: nothing can match. */
export class PagedList<C extends Reading, A extends ConnectionArgs, P extends object, N> {
  constructor(private readonly d: Declaration<C, A, P | null, N> & { spec: (order: string, params: P) => ListSpec }) {}

  /** One page; `totalCount` runs its query only when asked. */
  async page(ctx: C, args: A): Promise<Page<N>> {
    const { plan, params } = await planned(this.d, ctx, args);
    if (params === null) return toPage([], plan, async () => 0);
    const spec = this.d.spec(plan.order, params);
    const rows = await ctx.executor.read(pageQuery(spec, plan), { ...params, cursor: plan.cursor, limit: plan.limit });
    return toPage(nodes(this.d, rows as PageRow<unknown>[]), plan, async () => (await ctx.executor.read(countQuery(spec), params as Params))[0].total);
  }
}

/**
 * A relationship field: its Cypher reads `key.id` (the parent) and `key.…` of params, for a batch
 * of keys, specialised to the criteria each key gives (`shape`: scope/shape.ts's shapeOf unless declared).
 */
export class PagedField<C extends Loading, A extends ConnectionArgs, P extends object, N> {
  constructor(private readonly d: Declaration<C, A, P, N> & { spec: FieldSpec; shape?: (key: object) => Shape }) {}

  /** The plan and params of a page (the hot path that fetches it ahead plans it here too). */
  plan(ctx: C, args: A): Promise<Planned<P>> {
    return planned(this.d, ctx, args);
  }

  /** The loader key of parent `id`'s page. */
  key(id: string | number, { plan, params }: Planned<P>): BatchPageKey {
    return { ...params, id, order: plan.order, descending: plan.descending, cursor: plan.cursor, limit: plan.limit };
  }

  /** Parent `id`'s page, batched with every other parent's of the same tick; `totalCount` likewise, when asked. */
  async page(ctx: C, id: string | number, args: A): Promise<Page<N>> {
    const asked = await this.plan(ctx, args);
    const rows = await ctx.loaders.pages.of(this).page.load(this.key(id, asked));
    return toPage(rows, asked.plan, () => this.count(ctx, id, asked.params));
  }

  /** How many items parent `id`'s list holds with these params (ordering and paging ignored). */
  count(ctx: C, id: string | number, params: P): Promise<number> {
    return ctx.loaders.pages.of(this).count.load({ ...params, id });
  }

  /** Hands over rows fetched ahead for parent `id`'s page (see KeyedLoader.prime). */
  prime(ctx: C, id: string | number, asked: Planned<P>, rows: PageRow<N>[]): void {
    ctx.loaders.pages.of(this).page.prime(this.key(id, asked), rows);
  }

  /** Its Cypher for these keys' criteria (the hot path that fetches it ahead builds its statement from it). */
  spec(order: string, key: object): ListSpec {
    return this.d.spec(order, (this.d.shape ?? shapeOf)(key));
  }

  /** Its loaders: a page query per shape and ordering present in a batch, a count query per shape (in the default ordering's Cypher). */
  loaders(read: Read): FieldLoaders<N> {
    const { d } = this;
    const shapeOfKey = d.shape ?? shapeOf;
    const countOrder = typeof d.order === "string" ? d.order : d.order({} as A).order;
    return {
      page: keyedLoader(async (keys: readonly BatchPageKey[]) => (await runBatchPages(read, d.spec, keys, shapeOfKey)).map((rows) => nodes(d, rows))),
      count: keyedLoader((keys: readonly object[]) =>
        byShape(
          keys,
          async (group, shape) => {
            const rows = await read(batchCountQuery(d.spec(countOrder, shape)), { keys: group });
            return inKeyOrder(group.length, rows as { i: number; value: number }[], 0);
          },
          shapeOfKey,
        ),
      ),
    };
  }
}

type FieldLoaders<N> = { page: KeyedLoader<BatchPageKey, PageRow<N>[]>; count: KeyedLoader<object, number> };

/** A request's loaders of paged fields, made the first time a field asks. */
export class PageLoaders {
  private readonly made = new Map<object, FieldLoaders<unknown>>();

  constructor(private readonly executor: Pick<Executor, "read">) {}

  of<N>(field: { loaders(read: Read): FieldLoaders<N> }): FieldLoaders<N> {
    if (!this.made.has(field)) this.made.set(field, field.loaders((cypher, params) => this.executor.read(cypher, params)));
    return this.made.get(field) as FieldLoaders<N>;
  }
}

import { ConnectionArgs, countKey, Page, pageKey, PagePlan, planPage, toPage } from "../common/connection";
import { keyedLoader, KeyedLoader } from "../common/loader";
import { SortDirection } from "../common/ordering";
import type { Executor } from "./executor";
import { BatchPageKey, countQuery, ListSpec, pageParams, pageQuery, PageRow, runBatchCounts, runBatchPages } from "./paging";

/** An ordering: its name (cursor scope and sort key: "NAME", "MEMBER_COUNT:DESC") and whether the whole key runs backwards. */
export interface Ordering {
  order: string;
  descending?: boolean;
}

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
 * A paged list, declared once; the page and count queries, the loaders and the resolver body
 * are derived from it (pagedList for a root list, pagedField for a batched relationship field).
 *
 *   export const MEMBERS = pagedField({
 *     name: "Alliance.members",                                   // cursor namespace
 *     order: "ROLE",                                              // or (args) => ({ order, descending })
 *     params: (args: MemberListArgs) => ({ roles: args.roles ?? null }),  // what its Cypher reads
 *     spec: () => Q.MEMBERS_OF_ALLIANCE,                          // its Cypher in an ordering
 *   });
 *   // in the resolver: return MEMBERS.page(ctx, alliance.id, args);
 */
interface Declaration<C, A, P, N> {
  name: string;
  order: string | ((args: A) => Ordering);
  /** The arguments as its Cypher reads them (territory resolved, dates converted); part of the loader key. */
  params: (args: A, ctx: C) => P | Promise<P>;
  /** A row's node as Cypher returns it → the API's (outcomes, facts); as is when absent. */
  node?: (row: any) => N;
}

/** A root list: its Cypher reads `$…` of params, and may specialise to them; params null: nothing can match. */
export interface ListDeclaration<C, A, P, N> extends Declaration<C, A, P | null, N> {
  spec: (order: string, params: P) => ListSpec;
}

/** A relationship field: its Cypher reads `key.id` (the parent) and `key.…` of params, for a batch of keys. */
export interface FieldDeclaration<C, A, P, N> extends Declaration<C, A, P, N> {
  spec: (order: string) => ListSpec;
}

/** One page asked for: the plan (ordering, cursor, size) and the params. */
export interface Planned<P> {
  plan: PagePlan;
  params: P;
}

/** What paging needs of a request: its executor (round trips are counted there). */
interface Reading {
  executor: Pick<Executor, "read">;
}

/** …and, for relationship fields, its page loaders. */
interface Loading extends Reading {
  loaders: { pages: PageLoaders };
}

type Params = Record<string, unknown>;
type Read = (cypher: string, params: Params) => Promise<Record<string, any>[]>;
const readOf = ({ executor }: Reading): Read => (cypher, params) => executor.read(cypher, params);

async function planned<C, A extends ConnectionArgs, P>(d: Declaration<C, A, P, unknown>, ctx: C, args: A): Promise<Planned<P>> {
  const { order, descending } = typeof d.order === "string" ? { order: d.order, descending: false } : d.order(args);
  const plan = planPage(args, d.name, order, descending);
  return { plan, params: await d.params(args, ctx) };
}

function nodes<N>(d: Declaration<never, never, unknown, N>, rows: PageRow<unknown>[]): PageRow<N>[] {
  const node = d.node;
  return node ? rows.map((row) => ({ ...row, node: node(row.node) })) : (rows as PageRow<N>[]);
}

export class PagedList<C extends Reading, A extends ConnectionArgs, P extends object, N> {
  constructor(private readonly d: ListDeclaration<C, A, P, N>) {}

  /** One page; `totalCount` runs its query only when asked. */
  async page(ctx: C, args: A): Promise<Page<N>> {
    const { plan, params } = await planned(this.d, ctx, args);
    if (params === null) return toPage([], plan, async () => 0);
    const spec = this.d.spec(plan.order, params);
    const read = readOf(ctx);
    const rows = await read(pageQuery(spec, plan), { ...params, ...pageParams(plan) });
    return toPage(nodes(this.d, rows as PageRow<unknown>[]), plan, async () => (await read(countQuery(spec), params as Params))[0].total);
  }
}

export class PagedField<C extends Loading, A extends ConnectionArgs, P extends object, N> {
  constructor(private readonly d: FieldDeclaration<C, A, P, N>) {}

  /** The plan and params of a page (the hot path that fetches it ahead plans it here too). */
  plan(ctx: C, args: A): Promise<Planned<P>> {
    return planned(this.d, ctx, args);
  }

  /** The loader key of parent `id`'s page. */
  key(id: string | number, { plan, params }: Planned<P>): BatchPageKey {
    return pageKey(id, plan, params as Params);
  }

  /** Parent `id`'s page, batched with every other parent's of the same tick; `totalCount` likewise, when asked. */
  async page(ctx: C, id: string | number, args: A): Promise<Page<N>> {
    const asked = await this.plan(ctx, args);
    const rows = await ctx.loaders.pages.of(this).page.load(this.key(id, asked));
    return toPage(rows, asked.plan, () => this.count(ctx, id, asked.params));
  }

  /** How many items parent `id`'s list holds with these params. */
  count(ctx: C, id: string | number, params: P): Promise<number> {
    return ctx.loaders.pages.of(this).count.load(countKey(id, params as Params));
  }

  /** Hands over rows fetched ahead for parent `id`'s page (see KeyedLoader.prime). */
  prime(ctx: C, id: string | number, asked: Planned<P>, rows: PageRow<N>[]): void {
    ctx.loaders.pages.of(this).page.prime(this.key(id, asked), rows);
  }

  /** Its two loaders: one batched query per ordering for pages, one for counts (in the default ordering's Cypher). */
  loaders(read: Read): FieldLoaders<N> {
    const { d } = this;
    const countOrder = typeof d.order === "string" ? d.order : d.order({} as A).order;
    return {
      page: keyedLoader(async (keys: readonly BatchPageKey[]) => (await runBatchPages(read, d.spec, keys)).map((rows) => nodes(d, rows))),
      count: keyedLoader((keys: readonly object[]) => runBatchCounts(read, d.spec(countOrder), keys)),
    };
  }
}

export interface FieldLoaders<N> {
  page: KeyedLoader<BatchPageKey, PageRow<N>[]>;
  count: KeyedLoader<object, number>;
}

/** A request's loaders of paged fields, made the first time a field asks. */
export class PageLoaders {
  private readonly made = new Map<object, FieldLoaders<unknown>>();
  private readonly read: Read;

  constructor(executor: Pick<Executor, "read">) {
    this.read = readOf({ executor });
  }

  of<N>(field: { loaders(read: Read): FieldLoaders<N> }): FieldLoaders<N> {
    if (!this.made.has(field)) this.made.set(field, field.loaders(this.read));
    return this.made.get(field) as FieldLoaders<N>;
  }
}

export const pagedList = <C extends Reading, A extends ConnectionArgs, P extends object, N>(d: ListDeclaration<C, A, P, N>) => new PagedList(d);
export const pagedField = <C extends Loading, A extends ConnectionArgs, P extends object, N>(d: FieldDeclaration<C, A, P, N>) => new PagedField(d);

import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";
import { IsOptional, Max, Min } from "class-validator";
import { BadUserInputError } from "./errors";
import { decodeCursor, encodeCursor } from "./cursor";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";

@ObjectType({ simpleResolvers: true, description: "Relay page information" })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Relay paging: `first`/`after` forward, `last`/`before` backward. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\`; default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: "A cursor from this list: the page starts after it" })
  @IsOptional()
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Items before \`before\`, at most ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: "A cursor from this list: the page ends before it" })
  @IsOptional()
  before?: string | null;
}

/**
 * How to fetch one page: compare sort keys with `cursor` (strictly after it in the query's
 * direction), order `descending` or not, take `limit` rows (one more than asked, to know
 * whether there is more). Paging backwards (`last`/`before`) flips the direction and the
 * page is reversed afterwards.
 */
export interface PagePlan {
  /** The ordering's name as the Cypher spec knows it ("NAME", "START_DATE"…). */
  order: string;
  /** Cursor namespace: the list and its ordering, so a cursor cannot be reused elsewhere. */
  cursorScope: string;
  descending: boolean;
  backwards: boolean;
  cursor: unknown[] | null;
  size: number;
  limit: number;
  hadCursor: boolean;
}

/** Reads Relay arguments for `list` (e.g. "Actor.alliances") sorted by `order` (e.g. "NAME"). */
export function planPage(args: ConnectionArgs, list: string, order = "NAME", descending = false): PagePlan {
  if ((args.first != null || args.after != null) && (args.last != null || args.before != null)) {
    throw new BadUserInputError(args.first != null ? "last" : "first", "page forward with first/after or backward with last/before, not both");
  }
  const backwards = args.last != null || args.before != null;
  const size = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const raw = backwards ? args.before : args.after;
  const cursorScope = `${list}:${order}`;
  const cursor = raw ? decodeCursor(raw, cursorScope, backwards ? "before" : "after") : null;
  return { order, cursorScope, descending: backwards ? !descending : descending, backwards, cursor, size, limit: size + 1, hadCursor: cursor !== null };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A getter: its query runs only when a client asks for `totalCount` (so never spread a Page). */
  readonly totalCount: Promise<number>;
}

/**
 * An edge whose cursor is encoded only if a client reads it: nested lists make hundreds of
 * edges per request (bench W1-hub: about 300), and most queries never select `cursor`.
 */
class LazyEdge<T> implements Edge<T> {
  constructor(
    private readonly scope: string,
    private readonly sortKey: unknown[],
    readonly node: T,
  ) {}

  get cursor(): string {
    return encodeCursor(this.scope, this.sortKey);
  }
}

/** Rows of a page query (`node` + `sortKey`, `limit` of them at most) → a Relay page. */
export function toPage<T>(rows: { node: T; sortKey: unknown[] }[], plan: PagePlan, totalCount: () => Promise<number>): Page<T> {
  const hasMore = rows.length > plan.size;
  const kept = rows.slice(0, plan.size);
  if (plan.backwards) kept.reverse();
  const edges = kept.map((row) => new LazyEdge(plan.cursorScope, row.sortKey, row.node));
  return {
    edges,
    pageInfo: {
      hasNextPage: plan.backwards ? plan.hadCursor : hasMore,
      hasPreviousPage: plan.backwards ? hasMore : plan.hadCursor,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    get totalCount() {
      return totalCount();
    },
  };
}

/**
 * A Relay connection type for `Node`: `${name}Connection { edges { cursor node } pageInfo totalCount }`.
 * Usage: `@ObjectType() export class ActorConnection extends ConnectionOf(Actor) {}`
 */
export function ConnectionOf<T extends object>(Node: ClassType<T>, name = Node.name) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field({ description: "Opaque keyset cursor of this item" })
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  // Only the subclass (ActorConnection…) is reachable from resolvers, so only it is emitted.
  @ObjectType(`${name}ConnectionBase`, { simpleResolvers: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Items in the whole list (computed only when asked for)" })
    totalCount!: number;
  }
  return ConnectionType;
}

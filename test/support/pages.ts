import { MAX_PAGE_SIZE } from "../../src/common/page-size";
import { GraphQLClient } from "./database";

export interface PagedConnection<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Variables and arguments of a query read by `allNodes`: `query (${PAGE_VARIABLES}) { actors(${PAGE}) … }`. */
export const PAGE_VARIABLES = "$first: Int, $after: String";
export const PAGE = "first: $first, after: $after";

/**
 * The nodes of a connection across all its pages, in order. Whatever else the test database
 * holds (support/background.ts) can fill any one page, so a test that looks for its own
 * fixtures in a list reads the whole list. `query` pages with PAGE and selects
 * `pageInfo { hasNextPage endCursor }`; `pick` finds the connection in its data.
 */
export async function allNodes<T = any>(
  client: GraphQLClient,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: any) => PagedConnection<T>,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const connection = pick(await client.data(query, { ...variables, first: MAX_PAGE_SIZE, after }));
    nodes.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return nodes;
    if (!connection.pageInfo.endCursor || connection.pageInfo.endCursor === after) {
      throw new Error(`the list says it has a next page but gives no new cursor (after ${JSON.stringify(after)}, end ${JSON.stringify(connection.pageInfo.endCursor)})`);
    }
    after = connection.pageInfo.endCursor;
  }
}

/** The ids of a root list (`alliances`, `actors`, `outcomes`…) given `args` (e.g. `filter: {…}`), across all its pages. */
export async function listIds(client: GraphQLClient, list: string, args = ""): Promise<string[]> {
  const query = `query (${PAGE_VARIABLES}) { ${list}(${args ? `${args}, ` : ""}${PAGE}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
  return (await allNodes<{ id: string }>(client, query, {}, (data) => data[list])).map((node) => node.id);
}

import type { Context } from "../graphql/context";
import { ConnectionArgs } from "../common/connection";
import { PagedList } from "../neo4j/paging";
import { RELEASES } from "./release.cypher";

/** `releases`, newest first (see neo4j/paging.ts). */
export const RELEASE_PAGES = {
  releases: new PagedList({
    name: "releases",
    order: () => ({ order: "NEWEST", descending: true }),
    params: (_args: ConnectionArgs, _ctx: Context) => ({}),
    spec: () => RELEASES,
  }),
};

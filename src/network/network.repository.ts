import { BadUserInputError } from "../common/errors";
import { AllianceFilter } from "../alliance/alliance-filter.input";
import { scopeShape, allianceFilterParams } from "../alliance/alliance-filter";
import { Executor } from "../neo4j/executor";
import { toNeo4jDate } from "../neo4j/props";
import { assembleNetwork, RawNetwork } from "./network.graph";
import { Network, NetworkMode } from "./network.type";
import * as Q from "./network.cypher";

export interface NetworkQuery {
  seeds: string[];
  depth: number;
  mode: NetworkMode;
  filter?: AllianceFilter | null;
  /** The resolved `filter.territory`. */
  territoryId: string | null;
  at?: string | null;
  maxNodes: number;
  /** Whether projected edges carry their shared alliance ids (default) or only how many. */
  allianceIds?: boolean;
}

/** The only code that runs Cypher for network subgraphs (visualisation). */
export class NetworkRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * The network around the seeds in one round trip, whatever its size: the query explores
   * the neighbourhood and its links, then ranking and the cap happen here.
   * An unknown seed is refused rather than ignored, so a typo does not pass for an isolated actor.
   */
  async around(query: NetworkQuery): Promise<Network> {
    const bipartite = query.mode === NetworkMode.BIPARTITE;
    const filter = allianceFilterParams(query.filter, query.territoryId);
    const at = toNeo4jDate(query.at);
    const shape = scopeShape(filter, at);
    const [row] = await this.executor.read(bipartite ? Q.BIPARTITE_NETWORK(shape) : Q.PROJECTED_NETWORK(shape, query.allianceIds ?? true), {
      seeds: query.seeds,
      depth: query.depth,
      maxNodes: query.maxNodes,
      bipartite,
      filter,
      at,
    });
    const missing = row.missing as string[];
    if (missing.length > 0) {
      const index = query.seeds.indexOf(missing[0]);
      throw new BadUserInputError(`seeds[${index}]`, `no actor has id "${missing[0]}"`);
    }
    return assembleNetwork(row as RawNetwork, query.mode, query.maxNodes, query.depth);
  }
}

import { actorNotFound } from "../neo4j/references";
import { AllianceFilterParams, scopeShape } from "../alliance/alliance-filter";
import { Alliance } from "../alliance/alliance.type";
import { Actor } from "../actor/actor.type";
import { Executor } from "../neo4j/executor";
import { toNeo4jDate } from "../neo4j/props";
import { ActorPath, SharedPartner } from "./path.type";
import * as Q from "./path.cypher";

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  at: string | null;
  /** Null: every alliance counts. */
  filter: AllianceFilterParams | null;
  /** What the client asks of the chain's actors and alliances; absent: every property. */
  asked?: Q.PathFields;
}

export interface SharedPartnerQuery {
  a: string;
  b: string;
  at: string | null;
  first: number;
}

/** The only code that runs Cypher for paths between actors and shared partners. */
export class PathRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * The shortest chain from `from` to `to` within `maxHops` hops, or null when there is
   * none. Throws NOT_FOUND when either actor does not exist (so null always means "not
   * connected", never "misspelt id").
   */
  async shortestPath(query: PathQuery): Promise<ActorPath | null> {
    const { maxHops } = query;
    // The cap is interpolated into the Cypher (a quantified path pattern needs a literal):
    // only a checked integer may get there.
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > Q.MAX_PATH_HOPS) {
      throw new Error(`shortestPath: maxHops must be an integer in 1..${Q.MAX_PATH_HOPS}, but got: ${maxHops}`);
    }
    const at = toNeo4jDate(query.at);
    const [row] = await this.executor.read(Q.SHORTEST_PATH(maxHops, scopeShape(query.filter, at), query.asked), {
      from: query.from,
      to: query.to,
      at,
      filter: query.filter,
    });
    if (!row.fromExists) throw await this.notFound(query.from);
    if (!row.toExists) throw await this.notFound(query.to);
    if (!row.actors) return null;
    const actors = row.actors as Actor[];
    const alliances = row.alliances as Alliance[];
    const steps = alliances.map((alliance, i) => ({ from: actors[i], alliance, to: actors[i + 1] }));
    return { length: alliances.length, actors, alliances, steps };
  }

  /** Actors sharing an alliance with both `a` and `b`; NOT_FOUND when either does not exist. */
  async sharedPartners(query: SharedPartnerQuery): Promise<SharedPartner[]> {
    const [row] = await this.executor.read(Q.SHARED_PARTNERS(query.at != null), {
      a: query.a,
      b: query.b,
      at: toNeo4jDate(query.at),
      first: query.first,
    });
    if (!row.aExists) throw await this.notFound(query.a);
    if (!row.bExists) throw await this.notFound(query.b);
    return row.partners as SharedPartner[];
  }

  /** NOT_FOUND for `id`, naming the actor it was merged into when it is an old id (paths take current ids only). */
  private notFound(id: string) {
    return actorNotFound(this.executor.read.bind(this.executor), id);
  }
}

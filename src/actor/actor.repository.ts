import { randomUUID } from "node:crypto";
import { writeOne } from "../import/write-one";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { actorAliases, actorNotFound } from "../neo4j/references";
import { BatchPageKey, PageRow } from "../neo4j/paging";
import { Alliance } from "../alliance/alliance.type";
import { Outcome } from "../outcome/outcome.type";
import { toOutcomeRows } from "../outcome/outcome.repository";
import { ActorInput, ActorPatch } from "./actor.input";
import { Actor, CoConstructor } from "./actor.type";
import * as Q from "./actor.cypher";
import { NEIGHBOURHOOD as Q_NEIGHBOURHOOD } from "./neighbourhood.cypher";
import { Label } from "../neo4j/graph-model";
import { deleteLogged } from "../history/delete-logged";


/** An actor from ACTOR_VALUES: `props` in order, then its base territory's id when `base`; other fields absent. */
function actorFromValues(props: readonly string[], base: boolean, values: unknown[]): Actor {
  const actor: Record<string, unknown> = {};
  props.forEach((name, index) => (actor[name] = values[index]));
  if (base) actor.basedInId = values[props.length];
  return actor as unknown as Actor;
}

/** The only code that runs Cypher for actors. */
export class ActorRepository {
  private readonly read: Executor["read"];

  constructor(private readonly executor: Executor) {
    this.read = executor.read.bind(executor);
  }

  /** Actors by id; an id of an actor merged into another (mergeActors) gives the kept actor. */
  async byIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    const found = await this.byExactIds(ids);
    const missed = ids.filter((_, i) => found[i] === null);
    if (missed.length === 0) return found;
    // Aliases only for the ids that missed: two more round trips when an old id is asked, none otherwise.
    const aliases = await actorAliases(this.read, missed);
    if (aliases.size === 0) return found;
    const keptIds = [...new Set(aliases.values())];
    const kept = new Map((await this.byExactIds(keptIds)).map((actor, i) => [keptIds[i], actor]));
    return ids.map((id, i) => found[i] ?? kept.get(aliases.get(id) ?? "") ?? null);
  }

  private async byExactIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    const rows = await this.read(Q.ACTORS_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Actor | null }[], null);
  }

  /**
   * The actor, its co-constructors page and the outcome pages of their shared alliances in one
   * round trip (NEIGHBOURHOOD), for the loader keys `coKey` (Actor.coConstructors) and `outcomeKey`
   * (Alliance.outcomes, its id left out): rows as those fields' loaders give them. Co-constructors
   * carry the Actor fields in `actorFields` (those the whole operation asks; null: all).
   */
  async neighbourhood(
    id: string,
    coKey: BatchPageKey,
    outcomeKey: BatchPageKey | null,
    actorFields: ReadonlySet<string> | null,
  ): Promise<{ actor: Actor | null; mergedInto: string | null; coRows: PageRow<CoConstructor>[]; outcomePages: { id: string; rows: PageRow<Outcome>[] }[] }> {
    const needed = Q.actorFieldsNeeded(actorFields);
    const actorProps = Q.ACTOR_PROPERTIES.filter((name) => name === "id" || !needed || needed.has(name));
    const actorBase = !actorFields || actorFields.has("basedIn");
    const [row] = await this.read(Q_NEIGHBOURHOOD(coKey, outcomeKey), { id, coKey, outcomeKey, actorProps, actorBase });
    const outcomePages = (row.outcomePages as { id: string; rows: PageRow<object>[] }[]).map(({ id, rows }) => ({
      id,
      rows: toOutcomeRows(rows),
    }));
    // Shared alliances come by id, each alliance once: put the objects back in.
    const alliances = new Map((row.alliances as Alliance[]).map((alliance) => [alliance.id, alliance]));
    const asActor = (values: unknown[]) => actorFromValues(actorProps, actorBase, values);
    type LeanRow = PageRow<Omit<CoConstructor, "sharedAlliances" | "actor" | "via"> & { actor: unknown[]; via: unknown[][]; sharedAlliances: string[] }>;
    const coRows = (row.coRows as LeanRow[]).map(({ node, sortKey }) => ({
      sortKey,
      node: {
        ...node,
        actor: asActor(node.actor),
        via: node.via.map(asActor),
        sharedAlliances: node.sharedAlliances.map((allianceId) => alliances.get(allianceId)!),
      },
    }));
    return { actor: row.actor, mergedInto: row.mergedInto, coRows, outcomePages };
  }

  /** The actor whose identifier `property` (one of IDENTIFIER_PROPERTIES) is `value`, the first by id when several are; null when none is. */
  async byIdentifier(property: string, value: string): Promise<Actor | null> {
    const [row] = await this.read(Q.ACTOR_BY_IDENTIFIER(property), { value });
    return (row?.value as Actor | undefined) ?? null;
  }

  /** What actors `a` and `b` share (on `at` when given); null when either does not exist. */
  async coConstruction(a: string, b: string, at: unknown): Promise<{ a: Actor; b: Actor; alliances: Alliance[] } | null> {
    const [row] = await this.read(Q.CO_CONSTRUCTION(at != null), { a, b, at });
    return (row as { a: Actor; b: Actor; alliances: Alliance[] }) ?? null;
  }

  /** Creates the actor, or replaces its fields when `input.id` exists (idempotent replays): an import of one row. */
  async upsert(input: ActorInput): Promise<Actor> {
    return writeOne(this.executor, "actors", { ...input, id: input.id ?? randomUUID() }, Q.ACTORS_BY_ID);
  }

  /** Changes the given fields of an existing actor. */
  async update(id: string, patch: ActorPatch): Promise<Actor> {
    return writeOne(this.executor, "actors", patch, Q.ACTORS_BY_ID, { existing: id, patch: true });
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await deleteLogged(this.executor, Label.Actor, id, Q.DELETE_ACTOR);
    if (!row || row.deleted === 0) {
      // An alias is not deleted, nor the actor it resolves to: deleting by an old id must not remove the actor it became.
      throw await actorNotFound(this.read, id);
    }
    return true;
  }
}

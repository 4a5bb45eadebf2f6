import { randomUUID } from "node:crypto";
import { NotFoundError } from "../common/errors";
import { ActorKind } from "../common/enums";
import { inKeyOrder } from "../common/loader";
import { nameKey } from "../common/text";
import { Executor, WriteTx } from "../neo4j/executor";
import { Label } from "../neo4j/graph-model";
import { propsOf } from "../neo4j/props";
import { requireExisting, resolveTerritoryRefs } from "../neo4j/references";
import { Alliance } from "../alliance/alliance.type";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { toOutcome } from "../outcome/outcome.repository";
import { ActorInput, ActorPatch } from "./actor.input";
import { Actor, CoConstructor } from "./actor.type";
import * as Q from "./actor.cypher";

export interface ActorFilter {
  kind?: ActorKind | null;
  territoryId?: string | null;
  namePrefix?: string | null;
  first: number;
}

/** Key of the batched `Actor.coConstructors` field: the actor and the field's arguments. */
export interface CoConstructorKey {
  id: string;
  kind: ActorKind | null;
  territoryId: string | null;
  first: number;
}

export interface PageKey {
  id: string;
  first: number;
}

const ACTOR_FIELDS = ["name", "kind", "description", "website", "siren", "rna"] as const;

/** The only code that runs Cypher for actors. */
export class ActorRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    const rows = await this.executor.read(Q.ACTORS_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Actor | null }[], null);
  }

  async list(filter: ActorFilter): Promise<Actor[]> {
    const rows = await this.executor.read(Q.LIST_ACTORS, {
      kind: filter.kind ?? null,
      territoryId: filter.territoryId ?? null,
      namePrefix: filter.namePrefix ? nameKey(filter.namePrefix) : null,
      first: filter.first,
    });
    return rows.map((row) => row.actor);
  }

  async membershipsOf(keys: readonly PageKey[]): Promise<Membership[][]> {
    const rows = await this.executor.read(Q.MEMBERSHIPS_OF_ACTORS, { keys });
    return inKeyOrder(keys.length, rows as { i: number; value: Membership[] }[], []);
  }

  async coConstructorsOf(keys: readonly CoConstructorKey[]): Promise<CoConstructor[][]> {
    const rows = await this.executor.read(Q.CO_CONSTRUCTORS, { keys });
    return inKeyOrder(keys.length, rows as { i: number; value: CoConstructor[] }[], []);
  }

  async impactOf(keys: readonly PageKey[]): Promise<Outcome[][]> {
    const rows = await this.executor.read(Q.IMPACT_OF_ACTORS, { keys });
    return inKeyOrder(keys.length, rows as { i: number; value: object[] }[], []).map((items) => items.map(toOutcome));
  }

  /** What actors `a` and `b` share; null when either does not exist. */
  async coConstruction(a: string, b: string): Promise<{ a: Actor; b: Actor; alliances: Alliance[] } | null> {
    const [row] = await this.executor.read(Q.CO_CONSTRUCTION, { a, b });
    return (row as { a: Actor; b: Actor; alliances: Alliance[] }) ?? null;
  }

  /** Creates the actor, or replaces its fields when `input.id` exists (idempotent replays). */
  async upsert(input: ActorInput): Promise<Actor> {
    const id = input.id ?? randomUUID();
    return this.executor.write((tx) =>
      this.save(tx, id, propsOf(input, ACTOR_FIELDS, "replace"), input.basedIn ?? null, input.sourceIds ?? [], true),
    );
  }

  /** Changes the given fields of an existing actor. */
  async update(id: string, patch: ActorPatch): Promise<Actor> {
    return this.executor.write(async (tx) => {
      const [{ exists }] = await tx.run(Q.ACTOR_EXISTS, { id });
      if (!exists) throw new NotFoundError("Actor", id);
      const replaceBasedIn = patch.basedIn !== undefined;
      return this.save(tx, id, propsOf(patch, ACTOR_FIELDS, "patch"), patch.basedIn ?? null, patch.sourceIds ?? null, replaceBasedIn);
    });
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.executor.write((tx) => tx.run(Q.DELETE_ACTOR, { id }));
    if (!row || row.deleted === 0) throw new NotFoundError("Actor", id);
    return true;
  }

  /** Checks references, then writes, in the caller's transaction: a bad reference writes nothing. */
  private async save(
    tx: WriteTx,
    id: string,
    props: Record<string, unknown>,
    basedIn: string | null,
    sourceIds: string[] | null,
    replaceBasedIn: boolean,
  ): Promise<Actor> {
    const run = tx.run.bind(tx);
    const [basedInId] = basedIn ? await resolveTerritoryRefs(run, [basedIn], "input.basedIn") : [null];
    await requireExisting(run, Label.Source, sourceIds ?? [], "input.sourceIds");
    if (typeof props.name === "string") props.nameKey = nameKey(props.name);
    const [row] = await tx.run(Q.UPSERT_ACTOR, { id, props, basedInId, replaceBasedIn, sourceIds });
    return row.actor;
  }
}

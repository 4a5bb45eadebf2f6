import "reflect-metadata";
import { loadConfig } from "../../src/config";
import { connect, Connection } from "../../src/neo4j/connect";
import { Executor } from "../../src/neo4j/executor";
import { migrate } from "../../src/neo4j/migrate";
import { Label } from "../../src/neo4j/graph-model";
import { readGeography } from "../../src/seed/geography";
import { seedTerritories } from "../../src/seed/territory.seed";
import { seedSdgs } from "../../src/seed/sdg.seed";
import { createSchema } from "../../src/graphql/schema";
import { createApollo, ServerOptions } from "../../src/server";
import { Context, createContext } from "../../src/graphql/context";
import { Role, Viewer } from "../../src/auth/viewer";
import type { Caller } from "../../src/neo4j/caller";

/** Whom the tests' own writes (fixtures, clean-up) are recorded for. */
export const TEST_CALLER: Caller = { kind: "script", id: "test" };

/** Départements whose communes and EPCI the tests load (Paris, Val-de-Marne, Rhône). */
export const TEST_DEPARTEMENTS = ["75", "94", "69"];

/**
 * The test database (support/test-database.ts: its own Neo4j, never the served one), migrated, with the
 * regions, départements, the communes and EPCI of TEST_DEPARTEMENTS, and the SDGs.
 */
export async function openTestDatabase(): Promise<Connection> {
  const connection = await connect(loadConfig(), TEST_CALLER);
  await prepareTestDatabase(connection.executor);
  return connection;
}

/** Migrates and seeds the reference data the tests rely on (idempotent). */
export async function prepareTestDatabase(executor: Executor): Promise<void> {
  await migrate(executor);
  await seedTerritories(executor, readGeography({ departements: TEST_DEPARTEMENTS }));
  await seedSdgs(executor);
}

// Removes the facts a test file created: every id it made starts with its prefix.
const DELETE_BY_PREFIX = `MATCH (n)
WHERE (n:${Label.Actor} OR n:${Label.Alliance} OR n:${Label.Membership} OR n:${Label.Outcome} OR n:${Label.Source} OR n:${Label.MaturityAssessment})
  AND n.id STARTS WITH $prefix
DETACH DELETE n`;

// Their logged changes too, so a test run again reads only its own history.
const DELETE_CHANGES_BY_PREFIX = `MATCH (c:${Label.Change}) WHERE c.entityId STARTS WITH $prefix DELETE c`;

export async function deleteByPrefix(connection: Connection, prefix: string): Promise<void> {
  await connection.executor.write(async (tx) => {
    await tx.run(DELETE_BY_PREFIX, { prefix });
    await tx.run(DELETE_CHANGES_BY_PREFIX, { prefix });
  });
}

export interface OperationResult {
  data: any;
  errors: any[] | undefined;
  /** Cypher round trips the operation made. */
  roundTrips: number;
  /** The answer's extensions (recordedAs: src/history/view). */
  extensions?: Record<string, any>;
}

// Tests write their own data, so operations run as an admin unless a test says otherwise.
const TEST_ADMIN: Viewer = { role: Role.ADMIN, subject: "test", caller: TEST_CALLER };

/** Runs GraphQL operations through Apollo (no HTTP) against the real database, as an admin. */
export class GraphQLClient {
  private constructor(
    private readonly apollo: ReturnType<typeof createApollo>,
    private readonly connection: Connection,
  ) {}

  static async create(connection: Connection, options: ServerOptions = {}): Promise<GraphQLClient> {
    const apollo = createApollo(options.schema ?? (await createSchema()), options);
    await apollo.start();
    return new GraphQLClient(apollo, connection);
  }

  async run(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<OperationResult> {
    const contextValue: Context = createContext(this.connection.executor, { viewer: TEST_ADMIN });
    const response = await this.apollo.executeOperation({ query, variables, operationName }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors, extensions } = response.body.singleResult;
    return { data, errors: errors as any[] | undefined, roundTrips: contextValue.executor.roundTrips, extensions };
  }

  /** Runs an operation that must succeed and returns its data. */
  async data(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const result = await this.run(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data;
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }
}

/**
 * The test database and a GraphQL client on it, opened before a file's tests and closed after.
 * Usage: `const db = useGraphQLClient(); … await db.client.data(query); db.connection.executor.read(…)`.
 */
export function useGraphQLClient(): { connection: Connection; client: GraphQLClient } {
  const opened = {} as { connection: Connection; client: GraphQLClient };
  beforeAll(async () => {
    opened.connection = await openTestDatabase();
    opened.client = await GraphQLClient.create(opened.connection);
  });
  afterAll(async () => {
    await opened.client?.stop();
    await opened.connection?.close();
  });
  return opened;
}

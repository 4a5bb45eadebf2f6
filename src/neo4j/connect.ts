import { Driver } from "neo4j-driver";
import { createDriver, DriverTimeouts, Neo4jSettings } from "./driver";
import type { Caller } from "./caller";
import { Executor } from "./executor";

export interface Connection {
  driver: Driver;
  executor: Executor;
  close(): Promise<void>;
}

/**
 * Opens the driver and checks the database answers, with an error that says what to do
 * when it does not (start the embedded Neo4j, or fix NEO4J_URI / credentials). The root
 * executor writes as `caller` when given (the CLI, a script); the server gives none, so
 * only per-request executors (forRequest(viewer's caller)) can write.
 */
export async function connect(config: Neo4jSettings & Partial<DriverTimeouts>, caller?: Caller): Promise<Connection> {
  const driver = createDriver(config);
  try {
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
  } catch (error) {
    await driver.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot reach Neo4j at ${config.neo4jUri} (${reason}).\n` +
        `Start the embedded database with \`npm run db:start\`, or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD for yours.`,
    );
  }
  const executor = new Executor(driver, config.neo4jDatabase, undefined, caller);
  const close = () => {
    executor.availability.stop();
    return driver.close();
  };
  return { driver, executor, close };
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { PROJECT_ROOT } from "../common/paths";
import { Executor } from "../neo4j/executor";
import { logger } from "../logger";
import { Context, createContext } from "./context";

/**
 * Runs each query of schema/examples.graphql once, right after start, so Neo4j has planned
 * the hot Cypher before a client waits for it: the benchmark saw first requests wait 3–24 s
 * for planning (bench/README.md). Plans are cached by query text, so whatever data the
 * examples find, the real requests reuse the plans. Failures are logged, never fatal.
 */
export async function warmUp(apollo: ApolloServer<Context>, executor: Executor): Promise<void> {
  const started = Date.now();
  try {
    const examples = readFileSync(join(PROJECT_ROOT, "schema", "examples.graphql"), "utf8");
    const operations = [...examples.matchAll(/^query (\w+)/gm)].map((match) => match[1]);
    for (const operationName of operations) {
      await apollo.executeOperation({ query: examples, operationName }, { contextValue: createContext(executor) });
    }
    logger.info({ ms: Date.now() - started, operations: operations.length }, "query plans warmed up");
  } catch (error) {
    logger.warn({ err: error }, "warm-up skipped");
  }
}

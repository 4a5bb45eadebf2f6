import http from "node:http";
import express from "express";
import cors from "cors";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { GraphQLSchema } from "graphql";
import { Executor } from "./neo4j/executor";
import { Context, createContext } from "./graphql/context";
import { createSchema } from "./graphql/schema";
import { formatError } from "./graphql/format-error";
import { exportRoutes } from "./export/export.routes";

export interface MaillageServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the port actually bound (0 picks a free one). */
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

/** Apollo Server for a schema, with our error shaping. Tests run operations on it without HTTP. */
export function createApollo(schema: GraphQLSchema, plugins: ApolloServerPlugin<Context>[] = []) {
  return new ApolloServer<Context>({ schema, formatError, plugins, introspection: true });
}

/** The HTTP server: POST/GET /graphql, and GET /healthz for the process. */
export async function createServer(executor: Executor, schema?: GraphQLSchema): Promise<MaillageServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApollo(schema ?? (await createSchema()), [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use("/export", exportRoutes(executor));
  app.use(
    "/graphql",
    cors(),
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => createContext(executor) }),
  );

  return {
    app,
    httpServer,
    apollo,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    stop: () => apollo.stop(),
  };
}

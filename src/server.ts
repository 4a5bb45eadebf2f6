import http from "node:http";
import express from "express";
import cors from "cors";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLSchema } from "graphql";
import { Executor } from "./neo4j/executor";
import { Context, createContext } from "./graphql/context";
import { createSchema } from "./graphql/schema";
import { formatError } from "./graphql/format-error";
import { costLimitPlugin, DEFAULT_LIMITS, limitRules, Limits } from "./graphql/limits";
import { hideSuggestionsPlugin, requestLogPlugin } from "./graphql/request-log.plugin";
import { metricsPlugin, metricsRoutes } from "./observability/metrics";
import { jsonErrors, requestId } from "./http/middleware";
import { exportRoutes } from "./export/export.routes";
import { requireRole } from "./auth/require-role";
import { Role } from "./auth/viewer";
import { healthRoutes } from "./health/health.routes";
import { AuthConfig, NO_AUTH } from "./auth/auth.config";
import { authenticate } from "./auth/authenticate";
import { explorerRoutes } from "./explorer/explorer.routes";

export interface MaillageServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the port actually bound (0 picks a free one). */
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  schema?: GraphQLSchema;
  limits?: Limits;
  /** Production: no introspection, no field suggestions. Development: both on. */
  production?: boolean;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
  /** How long a client has to send a whole request. */
  requestTimeoutMs?: number;
  plugins?: ApolloServerPlugin<Context>[];
  /** Who may do what (API keys, JWT secret, reads require a key): main.ts passes Config.auth; default NO_AUTH (public reads, no writes). */
  auth?: AuthConfig;
  /** Exports streaming at once; one more is answered 429 (default DEFAULT_MAX_CONCURRENT_EXPORTS). */
  maxConcurrentExports?: number;
}

/**
 * Apollo Server for a schema, with our error shaping, query limits and request logging.
 * Tests run operations on it without HTTP.
 */
export function createApollo(schema: GraphQLSchema, options: ServerOptions = {}) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const production = options.production ?? false;
  return new ApolloServer<Context>({
    schema,
    formatError,
    introspection: !production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    plugins: [
      // We set no cache hints; the default cache-control plugin would still wrap every
      // field's resolver with a hook (measured: a few ms per W1 request).
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(),
      metricsPlugin<Context>(),
      costLimitPlugin<Context>(schema, limits),
      ...(production ? [hideSuggestionsPlugin()] : []),
      ...(options.plugins ?? []),
    ],
  });
}

/** The HTTP server: POST/GET /graphql, GET /export/*, and GET /healthz for the process. */
export async function createServer(executor: Executor, options: ServerOptions = {}): Promise<MaillageServer> {
  const app = express();
  const httpServer = http.createServer(app);
  // A client gets this long to send its request (Node's default is 5 minutes); processing is
  // bounded by NEO4J_TX_TIMEOUT_MS per Cypher query and a fixed number of queries per request.
  httpServer.requestTimeout = options.requestTimeoutMs ?? 30_000;
  httpServer.headersTimeout = Math.min(httpServer.requestTimeout, 20_000);
  const schema = options.schema ?? (await createSchema());
  const apollo = createApollo(schema, { ...options, plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...(options.plugins ?? [])] });
  await apollo.start();

  app.disable("x-powered-by");
  const auth = options.auth ?? NO_AUTH;
  app.use(requestId());
  app.use(metricsRoutes());

  app.use(healthRoutes(executor));
  app.use("/explore", explorerRoutes());
  // Exports hand out everything in scope at once: admins only.
  app.use("/export", requireRole(Role.ADMIN, auth), exportRoutes(executor, options.maxConcurrentExports));
  app.use(
    "/graphql",
    cors(),
    express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(executor, { requestId: req.requestId, viewer: await authenticate(req.headers, auth) }) }),
  );
  app.use(jsonErrors());

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

import http from "node:http";
import express from "express";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLSchema } from "graphql";
import { Executor } from "./neo4j/executor";
import { Context, createContext } from "./graphql/context";
import { createSchema } from "./graphql/schema";
import { formatError } from "./graphql/format-error";
import { costLimitPlugin, DEFAULT_LIMITS, limitRules, Limits } from "./graphql/limits";
import { hideSuggestionsPlugin, requestLogPlugin } from "./graphql/request-log.plugin";
import { metricsPlugin, metricsRoutes } from "./observability/metrics";
import { metricsListener } from "./observability/metrics-listener";
import { jsonErrors, notFound, onlyMethods, requestId } from "./http/middleware";
import { securityHeaders } from "./http/security-headers";
import { corsAllowlist } from "./http/cors";
import { defaultHttpConfig, HttpConfig } from "./http/http.config";
import { readOnlyPlugin } from "./graphql/read-only.plugin";
import { EXPLORER_OPERATIONS } from "./explorer/explorer.operations";
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
  /** The listener serving only /metrics, when MAILLAGE_METRICS_PORT is set (listening after listen()). */
  metricsServer?: http.Server;
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
  /** CORS allowlist, /metrics access, read-only mode: main.ts passes Config.http; default defaultHttpConfig(production). */
  http?: HttpConfig;
  /** Operation names metrics label by name (others count as "other"); default the explorer's. */
  knownOperations?: ReadonlySet<string>;
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
    // Stack traces name files on the server: never sent, in development either (they are logged).
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    plugins: [
      // We set no cache hints; the default cache-control plugin would still wrap every
      // field's resolver with a hook (measured: a few ms per W1 request).
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(),
      metricsPlugin<Context>({ knownOperations: options.knownOperations ?? EXPLORER_OPERATIONS }),
      ...(options.http?.readOnly ? [readOnlyPlugin<Context>()] : []),
      costLimitPlugin<Context>(schema, limits),
      // The production landing page loads Apollo's CDN, which our CSP refuses: no page at all.
      ...(production ? [hideSuggestionsPlugin(), ApolloServerPluginLandingPageDisabled()] : []),
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
  const edge = options.http ?? defaultHttpConfig(options.production ?? false);
  const metrics = edge.metrics;
  app.use(requestId());
  app.use(securityHeaders({ production: options.production ?? false }));
  // Routes that only read answer other methods with a JSON 405.
  app.use(["/healthz", "/readyz", "/metrics", "/explore"], onlyMethods("GET", "HEAD"));
  if (!metrics.listener && (metrics.key || metrics.open)) app.use(metricsRoutes({ key: metrics.key }));

  app.use(healthRoutes(executor));
  app.use("/explore", explorerRoutes());
  const cors = corsAllowlist(edge.corsOrigins);
  // Exports hand out everything in scope at once: admins only.
  app.use("/export", cors, onlyMethods("GET", "HEAD"), requireRole(Role.ADMIN, auth), exportRoutes(executor));
  // app.all: /graphql exactly (a longer path is a 404); Apollo takes GET and POST only.
  app.all(
    "/graphql",
    cors,
    onlyMethods("GET", "POST"),
    express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(executor, { requestId: req.requestId, viewer: await authenticate(req.headers, auth) }) }),
  );
  app.use(notFound());
  app.use(jsonErrors());
  const metricsServer = metrics.listener ? metricsListener(metrics.key) : undefined;

  return {
    app,
    httpServer,
    apollo,
    metricsServer,
    async listen(port) {
      if (metricsServer && metrics.listener) await listenOn(metricsServer, metrics.listener.port, metrics.listener.host);
      return listenOn(httpServer, port);
    },
    async stop() {
      await apollo.stop();
      if (metricsServer?.listening) await new Promise((resolve) => metricsServer.close(resolve));
    },
  };
}

/** Resolves with the port actually bound (0 picks a free one). */
function listenOn(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

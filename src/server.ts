import http from "node:http";
import express from "express";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLSchema } from "graphql";
import { Executor } from "./neo4j/executor";
import { Context, createContext } from "./graphql/context";
import { recordedViewPlugin } from "./history/view/view.plugin";
import { configureViews, DEFAULT_HISTORY_VIEWS } from "./history/view/recorded-view";
import { createSchema } from "./graphql/schema";
import { formatError } from "./graphql/format-error";
import { costLimitPlugin, DEFAULT_LIMITS, limitRules, Limits } from "./graphql/limits";
import { hideSuggestionsPlugin, requestLogPlugin } from "./graphql/request-log.plugin";
import { metricsPlugin, metricsRoutes } from "./observability/metrics";
import { metricsListener } from "./observability/metrics-listener";
import { jsonErrors, notFound, onlyMethods, requestId } from "./http/middleware";
import { securityHeaders } from "./http/security-headers";
import { jsonPostsOnly } from "./http/csrf";
import { ideAssets, idePage } from "./ide/ide.routes";
import { corsAllowlist } from "./http/cors";
import { defaultHttpConfig, HttpConfig } from "./http/http.config";
import { readOnlyPlugin } from "./graphql/read-only.plugin";
import { publishedOperationNames } from "./graphql/trusted-manifest";
import { exportRoutes } from "./export/export.routes";
import { requireRole } from "./auth/require-role";
import { Role } from "./auth/viewer";
import { healthRoutes } from "./health/health.routes";
import { AuthConfig, NO_AUTH } from "./auth/auth.config";
import { explorerRoutes } from "./explorer/explorer.routes";
import { QuotaConfig } from "./quota/quota.config";
import { Quotas } from "./quota/quotas";
import { admitRequest, quotaGuard } from "./quota/admit";
import { TrustedDocuments, trustedDocumentsOnly } from "./graphql/trusted-documents";

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
  /** Production: no field suggestions (introspection follows http.graphqlIde, off in production by default). */
  production?: boolean;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
  /** How long a client has to send a whole request. */
  requestTimeoutMs?: number;
  plugins?: ApolloServerPlugin<Context>[];
  /** Who may do what (API keys, JWT secret, reads require a key): main.ts passes Config.auth; default NO_AUTH (public reads, no writes). */
  auth?: AuthConfig;
  /** CORS allowlist, /metrics access, read-only mode, the IDE (with introspection): main.ts passes Config.http; default defaultHttpConfig(production). */
  http?: HttpConfig;
  /** Operation names metrics label by name (others count as "other"); default those of schema/trusted-documents.json. */
  knownOperations?: ReadonlySet<string>;
  /** Request and cost quotas, analytics caps (main.ts passes Config.quotas); default none. */
  quotas?: QuotaConfig;
  /** Only these documents run (main.ts passes Config.trustedDocuments); default: any document. */
  trustedDocuments?: TrustedDocuments | null;
  /** Exports streaming at once; one more is answered 429 (default DEFAULT_MAX_CONCURRENT_EXPORTS). */
  maxConcurrentExports?: number;
  /** Recorded views (asRecordedOn, release) kept at once (main.ts passes Config.historyViews); default DEFAULT_HISTORY_VIEWS. */
  historyViews?: number;
  /** Base of the linked-data exports' IRIs (main.ts passes Config.ldBase); default DEFAULT_LD_BASE. */
  ldBase?: string;
}

/**
 * Apollo Server for a schema, with our error shaping, query limits and request logging.
 * Tests run operations on it without HTTP.
 */
export function createApollo(schema: GraphQLSchema, options: ServerOptions = {}, quotas = options.quotas ? new Quotas(options.quotas) : null) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const production = options.production ?? false;
  return new ApolloServer<Context>({
    schema,
    formatError,
    // The IDE's docs and autocomplete need it: on with the IDE (MAILLAGE_GRAPHQL_IDE), off in production by default.
    introspection: (options.http ?? defaultHttpConfig(production)).graphqlIde,
    // Stack traces name files on the server: never sent, in development either (they are logged).
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Trusted documents: nothing may register a document (Apollo's automatic persisted queries off).
    ...(options.trustedDocuments ? { persistedQueries: false as const } : {}),
    // Our own rule instead (src/http/csrf.ts): GET runs queries, POST must be JSON; Apollo's also refused plain GETs.
    csrfPrevention: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    plugins: [
      // We set no cache hints; the default cache-control plugin would still wrap every
      // field's resolver with a hook (measured: a few ms per W1 request).
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(),
      metricsPlugin<Context>({ knownOperations: options.knownOperations ?? publishedOperationNames() }),
      ...(options.http?.readOnly ? [readOnlyPlugin<Context>()] : []),
      recordedViewPlugin(),
      costLimitPlugin<Context>(schema, limits, quotas ? (context, measure) => quotas.admitOperation(context.client, measure) : undefined),
      // Apollo's landing pages load its CDN: the IDE served from here replaces them (src/ide/ide.routes.ts).
      ApolloServerPluginLandingPageDisabled(),
      ...(production ? [hideSuggestionsPlugin()] : []),
      ...(options.plugins ?? []),
    ],
  });
}

/** The HTTP server: POST/GET /graphql (and the IDE for browsers), GET /export/*, GET /explore/, and GET /healthz for the process. */
export async function createServer(executor: Executor, options: ServerOptions = {}): Promise<MaillageServer> {
  const app = express();
  const httpServer = http.createServer(app);
  // A client gets this long to send its request (Node's default is 5 minutes); processing is
  // bounded by NEO4J_TX_TIMEOUT_MS per Cypher query and a fixed number of queries per request.
  httpServer.requestTimeout = options.requestTimeoutMs ?? 30_000;
  httpServer.headersTimeout = Math.min(httpServer.requestTimeout, 20_000);
  const schema = options.schema ?? (await createSchema());
  const quotas = options.quotas ? new Quotas(options.quotas) : null;
  configureViews(executor, options.historyViews ?? DEFAULT_HISTORY_VIEWS); // this process keeps the recorded views (slots 1..n)
  const apollo = createApollo(schema, { ...options, plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...(options.plugins ?? [])] }, quotas);
  await apollo.start();

  app.disable("x-powered-by");
  // Behind one reverse proxy, req.ip (the quotas' client) is the address the proxy saw.
  if (quotas?.config.trustProxy) app.set("trust proxy", 1);
  const auth = options.auth ?? NO_AUTH;
  const edge = options.http ?? defaultHttpConfig(options.production ?? false);
  const metrics = edge.metrics;
  app.use(requestId());
  app.use(securityHeaders({ ide: edge.graphqlIde }));
  // Routes that only read answer other methods with a JSON 405.
  app.use(["/healthz", "/readyz", "/metrics", "/explore"], onlyMethods("GET", "HEAD"));
  if (!metrics.listener && (metrics.key || metrics.open)) app.use(metricsRoutes({ key: metrics.key }));

  app.use(healthRoutes(executor));
  app.use("/explore", explorerRoutes());
  if (edge.graphqlIde) app.use("/ide", onlyMethods("GET", "HEAD"), ideAssets());
  const cors = corsAllowlist(edge.corsOrigins);
  // Exports hand out everything in scope at once: admins only.
  app.use("/export", cors, onlyMethods("GET", "HEAD"), ...(quotas ? [quotaGuard(quotas, auth)] : []), requireRole(Role.ADMIN, auth), exportRoutes(executor, options.maxConcurrentExports, { ldBase: options.ldBase }));
  // app.all: /graphql exactly (a longer path is a 404); Apollo takes GET and POST only.
  app.all(
    "/graphql",
    cors,
    onlyMethods("GET", "POST"),
    idePage(edge.graphqlIde),
    jsonPostsOnly(),
    express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
    ...(options.trustedDocuments ? [trustedDocumentsOnly(options.trustedDocuments, { introspection: edge.graphqlIde, maxTokens: options.limits?.maxTokens })] : []),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(executor, { requestId: req.requestId, ...(await admitRequest(req, auth, quotas)) }) }),
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

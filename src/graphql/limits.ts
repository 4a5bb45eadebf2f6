import { DocumentNode, GraphQLError, GraphQLSchema, ValidationRule, getNamedType } from "graphql";
import { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";
import { QueryTooComplexError } from "../common/errors";
import { DEFAULT_PAGE_SIZE } from "../common/page-size";
import { RECORDED_VIEW_COST } from "../history/view/view-args";

/** Query limits; each is set from the environment (see config.ts) and documented in the README. */
export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Parse-time: a document with more tokens is refused before it is even parsed fully. */
  maxTokens: number;
  /** Estimated cost: every field costs 1, list fields cost their page size times their children; a field declaring a `complexity` (the analytics fields) costs that. */
  maxCost: number;
  /** Fields marked ANALYTICS_FIELD (networkAnalytics, recommendPartners) one operation may hold, whatever their aliases. */
  maxAnalyticsFields: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 15, maxAliases: 30, maxDirectives: 20, maxTokens: 3000, maxCost: 50_000, maxAnalyticsFields: 2 };

/** Extensions of a field that starts seconds of computation (`@Extensions(ANALYTICS_FIELD)`): counted against maxAnalyticsFields and the analytics caps. */
export const ANALYTICS_FIELD = Object.freeze({ analytics: true });

/** What an operation within the limits will cost: its estimated cost and how many ANALYTICS_FIELD fields it runs. */
export interface OperationMeasure {
  cost: number;
  analyticsFields: number;
}

/**
 * Called once an operation is within the limits, before it runs (the quotas): throws to refuse
 * it, else returns what to call when its response is sent.
 */
export type AdmitOperation<T> = (contextValue: T, measure: OperationMeasure) => Promise<() => void>;

/** Validation rules for depth, aliases and directives (graphql-armor), reporting QUERY_TOO_COMPLEX. */
export function limitRules(limits: Limits): ValidationRule[] {
  const reject = (limit: string) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) =>
        context?.reportError(new QueryTooComplexError(limit, error.message.replace(/^Syntax Error: /, ""))),
    ],
  });
  return [
    maxDepthRule({ n: limits.maxDepth, ...reject("maxDepth") }),
    maxAliasesRule({ n: limits.maxAliases, ...reject("maxAliases") }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reject("maxDirectives") }),
  ];
}

/**
 * Cost of a list field: its page size (`first`, `last`, `maxNodes`, or the default page size
 * for connections) times what each item costs, so `first: 100` nested three times is refused
 * while the same query with `first: 5` passes. Arguments come with variables already applied.
 */
const pageSizeEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const size = args.first ?? args.last ?? args.maxNodes;
  const isConnection = getNamedType(field.type).name.endsWith("Connection");
  if (typeof size === "number") return 1 + Math.max(size, 1) * childComplexity;
  if (isConnection) return 1 + DEFAULT_PAGE_SIZE * childComplexity;
  return undefined;
};

/** Costs remembered (a client repeating its query pays for the estimate once), and the largest variables a key may hold. */
export const COST_CACHE_ENTRIES = 1_000;
const COST_CACHE_MAX_VARIABLES_CHARS = 1_000;

/**
 * Refuses operations whose estimated cost exceeds the limit, or that hold more analytics fields
 * than allowed, before anything runs; then hands the measure to `admit` (the quotas). The
 * estimate walks the document with its variables (3–5% of a small request's CPU), so it is
 * remembered per document, operation and variables; keys are bounded in number and size,
 * whatever clients send.
 */
export function costLimitPlugin<T extends object>(schema: GraphQLSchema, limits: Limits, admit?: AdmitOperation<T>): ApolloServerPlugin<T> {
  const measures = new LRUCache<string, OperationMeasure>({ max: COST_CACHE_ENTRIES });
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ request, document, operation, queryHash, contextValue }) {
          // No operation found: Apollo answers OPERATION_RESOLUTION_FAILURE itself.
          if (!operation) return;
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(`This API has no ${operation.operation} operations`, {
              extensions: { code: "BAD_REQUEST", http: { status: 400 } },
            });
          }
          const variables = JSON.stringify(request.variables ?? {});
          const key = variables.length <= COST_CACHE_MAX_VARIABLES_CHARS ? `${queryHash}\u0000${request.operationName ?? ""}\u0000${variables}` : null;
          const measure = (key !== null ? measures.get(key) : undefined) ?? measureOperation(schema, document, request.variables ?? {}, request.operationName);
          // Variables that do not coerce: Apollo's own check answers BAD_USER_INPUT next.
          if (measure === null) return;
          if (key !== null) measures.set(key, measure);
          if (measure.analyticsFields > limits.maxAnalyticsFields) {
            throw new QueryTooComplexError(
              "maxAnalyticsFields",
              `The operation has ${measure.analyticsFields} networkAnalytics / recommendPartners fields; at most ${limits.maxAnalyticsFields} per operation.`,
            );
          }
          if (measure.cost > limits.maxCost) {
            throw new QueryTooComplexError("maxCost", `Query cost ${measure.cost} exceeds the limit of ${limits.maxCost}; ask for smaller pages or fewer levels.`);
          }
          release = await admit?.(contextValue, measure);
        },
        async willSendResponse() {
          release?.();
          release = undefined;
        },
      };
    },
  };
}

/** The estimated cost of an operation and its analytics fields, or null when its variables do not coerce. */
function measureOperation(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined | null): OperationMeasure | null {
  let analyticsFields = 0;
  let readsRecordedState = false;
  // Sees every field the operation runs (each alias, each fragment spread, not the skipped ones); estimates nothing.
  const countAnalytics: ComplexityEstimator = ({ field }) => {
    if (field.extensions?.analytics === ANALYTICS_FIELD.analytics) analyticsFields++;
    return undefined;
  };
  // An operation reading a recorded state may build a view (a copy of the graph): it costs that once.
  const countRecorded: ComplexityEstimator = ({ args }) => {
    if (args.asRecordedOn != null || args.release != null) readsRecordedState = true;
    return undefined;
  };
  try {
    const cost = getComplexity({
      schema,
      query,
      variables,
      operationName: operationName ?? undefined,
      // A field's own `complexity` (type-graphql option; the analytics fields) first, then page sizes.
      estimators: [countAnalytics, countRecorded, fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    return { cost: cost + (readsRecordedState ? RECORDED_VIEW_COST : 0), analyticsFields };
  } catch {
    return null;
  }
}

/** graphql-js's message when `parseOptions.maxTokens` stops the parser. */
export const TOKEN_LIMIT_MESSAGE = /Document contains more that? \d+ tokens/;

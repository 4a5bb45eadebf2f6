import { GraphQLArgument, GraphQLScalarType, GraphQLSchema, GraphQLString, isScalarType } from "graphql";
import { DateTimeResolver } from "graphql-scalars";

/** What reading a recorded state adds to an operation's cost, once (building a view copies the graph): a tenth of the default maxCost. */
export const RECORDED_VIEW_COST = 5_000;

/** The two arguments every root read field takes to read a recorded state. */
export const POINT_ARGS = ["asRecordedOn", "release"] as const;

/**
 * Root query fields that read no recorded state: full-text search (its indexes hold live nodes
 * only) and the history fields, which read the change log itself. Every other root field, now or
 * added later, takes asRecordedOn and release.
 */
export const LIVE_ONLY_FIELDS: ReadonlySet<string> = new Set(["search", "changes", "releases", "release", "diff"]);

const argument = (name: string, type: GraphQLArgument["type"], description: string): GraphQLArgument => ({
  name, type, description, defaultValue: undefined, deprecationReason: undefined, extensions: {}, astNode: undefined,
});

const asRecordedOn = (dateTime: GraphQLScalarType) =>
  argument("asRecordedOn", dateTime, `The graph as the database recorded it at this instant (recorded time; \`at\` is valid time), for every root field of the operation; see extensions.recordedAs. Costs ${RECORDED_VIEW_COST}`);
const RELEASE = argument("release", GraphQLString, `The graph as this named release recorded it (at most 64 characters); not with asRecordedOn. Costs ${RECORDED_VIEW_COST}`);

/**
 * Adds asRecordedOn and release to every root query field but LIVE_ONLY_FIELDS, once, on the
 * built schema: the resolvers never see them (view.plugin.ts reads them from the operation and
 * swaps the context's executor), so no resolver repeats them.
 */
export function withRecordedPointArgs(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) return schema;
  // The schema's own DateTime if it has one (two scalars of one name would not build).
  const existing = schema.getType(DateTimeResolver.name);
  const dateTime = existing && isScalarType(existing) ? existing : DateTimeResolver;
  const AS_RECORDED_ON = asRecordedOn(dateTime);
  for (const field of Object.values(query.getFields())) {
    if (LIVE_ONLY_FIELDS.has(field.name) || field.args.some((arg) => arg.name === "asRecordedOn")) continue;
    (field.args as GraphQLArgument[]).push(AS_RECORDED_ON, RELEASE);
  }
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: existing ? config.types : [...config.types, dateTime] });
}

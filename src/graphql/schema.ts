import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ActorResolver } from "../actor/actor.resolver";
import { CoConstructionResolver } from "../actor/co-construction.resolver";
import { AllianceResolver } from "../alliance/alliance.resolver";
import { MembershipResolver } from "../membership/membership.resolver";
import { OutcomeResolver } from "../outcome/outcome.resolver";
import { SdgResolver } from "../sdg/sdg.resolver";
import { SourceResolver } from "../source/source.resolver";
import { TerritoryResolver } from "../territory/territory.resolver";
import { PathResolver } from "../path/path.resolver";
import { NetworkResolver } from "../network/network.resolver";
import { StatisticsResolver } from "../statistics/statistics.resolver";
import { SearchResolver } from "../search/search.resolver";
import { MaturityResolver } from "../maturity/maturity.resolver";
import { TerritoryMaturityResolver } from "../maturity/territory-maturity.resolver";
import { MaturityAssessmentResolver } from "../maturity/maturity-assessment.resolver";
import { ProvenanceResolver } from "../provenance/provenance.resolver";
import { AnalyticsResolver } from "../analytics/analytics.resolver";
import { DuplicateResolver } from "../duplicate/duplicate.resolver";
import { ChangeResolver, HISTORY_RESOLVERS } from "../history/change.resolver";
import { ReleaseResolver } from "../history/release.resolver";
import { DiffResolver } from "../history/diff.resolver";
import { authChecker } from "../auth/auth-checker";
import { validateArgs } from "./validate-args";
import { withRecordedPointArgs } from "../history/view/view-args";

export const RESOLVERS = [
  ActorResolver,
  CoConstructionResolver,
  AllianceResolver,
  MembershipResolver,
  OutcomeResolver,
  SdgResolver,
  SourceResolver,
  TerritoryResolver,
  PathResolver,
  NetworkResolver,
  StatisticsResolver,
  SearchResolver,
  MaturityResolver,
  TerritoryMaturityResolver,
  MaturityAssessmentResolver,
  ProvenanceResolver,
  AnalyticsResolver,
  DuplicateResolver,
  ChangeResolver,
  ...HISTORY_RESOLVERS,
  ReleaseResolver,
  DiffResolver,
] as const;

/**
 * The executable schema. `validateFn` runs class-validator on every argument (the check
 * `validate: true` would run, remembering values that passed: see validate-args.ts); without
 * it the rules on the input classes would be decoration only. `authChecker` enforces the
 * roles of `@Authorized` fields.
 *
 * Every object type but Change is declared with `simpleResolvers: true`: its plain fields read the
 * property directly instead of going through type-graphql's middleware chain. That is safe
 * because no other object field carries `@Authorized` or a middleware (only mutations do, and
 * Change.who, admins only) and no global middleware is set; `@FieldResolver` methods keep theirs.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    validateFn: validateArgs,
  });
  return withRecordedPointArgs(schema); // asRecordedOn, release on root reads (src/history/view)
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs show only real changes). */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}

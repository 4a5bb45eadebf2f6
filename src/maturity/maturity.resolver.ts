import { Resolver } from "type-graphql";

/** GraphQL for maturity assessments of actors and territories. */
@Resolver()
export class MaturityResolver {}

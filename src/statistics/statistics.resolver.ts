import { Resolver } from "type-graphql";

/** GraphQL for Observatoire-style statistics. */
@Resolver()
export class StatisticsResolver {}

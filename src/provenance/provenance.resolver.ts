import { Resolver } from "type-graphql";

/** GraphQL for provenance: what each source supports, and facts that cite none. */
@Resolver()
export class ProvenanceResolver {}
